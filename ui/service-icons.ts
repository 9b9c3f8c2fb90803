/** SVG paths of each service icon (24×24 grid, stroked with currentColor). */
export const SERVICE_ICONS: Record<string, string[]> = {
  family: [
    'M7 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
    'M17 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
    'M3 21v-7.5A3 3 0 0 1 6 10.5h2a3 3 0 0 1 3 3',
    'M21 21v-7.5a3 3 0 0 0-3-3h-2a3 3 0 0 0-3 3',
    'M12 14.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
    'M9.5 21v-2.5a2.5 2.5 0 0 1 5 0V21',
  ],
  stamp: [
    'M9.5 11.5 9 8.2a3 3 0 1 1 6 0l-.5 3.3',
    'M4 14.5a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2V17H4z',
    'M5 21h14',
    'M7 17v1.5h10V17',
  ],
  shop: [
    'M3 9.5 4.5 4h15L21 9.5',
    'M3 9.5a3 3 0 0 0 6 0 3 3 0 0 0 6 0 3 3 0 0 0 6 0',
    'M4.5 12v9h15v-9',
    'M9.5 21v-5h5v5',
  ],
  land: [
    'M3 6.5 9 4l6 2.5L21 4v13.5L15 20l-6-2.5L3 20z',
    'M9 4v13.5',
    'M15 6.5V20',
  ],
  heart: [
    'M12 20.5s-8-4.7-8-11A4.5 4.5 0 0 1 12 6.6a4.5 4.5 0 0 1 8 2.9c0 6.3-8 11-8 11z',
    'M8.5 11.5h2l1-2 1.5 4 1-2h1.5',
  ],
  home: [
    'M3 11 12 3.5 21 11',
    'M5.5 9v11.5h13V9',
    'M10 20.5v-6h4v6',
  ],
  result: [
    'M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V8z',
    'M14 3v5h5',
    'm8.5 14 2.5 2.5 4.5-5',
  ],
  document: [
    'M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V8z',
    'M14 3v5h5',
    'M8.5 12.5h7',
    'M8.5 16h7',
  ],
};

/** Icon names an admin may choose for a service (`document` is also the fallback). */
export const SERVICE_ICON_NAMES: readonly string[] = Object.keys(SERVICE_ICONS);
