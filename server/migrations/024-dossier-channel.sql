-- How a dossier was submitted (Biểu II.06a counts "trực tuyến" apart from "trực tiếp, bưu chính"): at the desk,
-- by public postal service (bưu chính công ích), or online through the public service portal and then received at
-- the desk. Dossiers taken before this column existed were all taken at the desk.
ALTER TABLE dossiers ADD COLUMN channel TEXT NOT NULL DEFAULT 'counter' CHECK (channel IN ('counter', 'post', 'online'));
