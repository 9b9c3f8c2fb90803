// The province hub's API (HUB_ROLE=province): everything but the routes both roles share (app.ts).
import type { FastifyPluginAsync } from 'fastify';
import catalogAdminRoutes from './api/catalog-admin';
import catalogFilesRoutes from './api/catalog-files';
import procedureRoutes from './api/procedures';
import provinceRoutes from './api/province';
import provinceCatalogRoutes from './api/province-catalog';
import provinceReportRoutes from './api/province-reports';

/**
 * The roll-up of the offices (live board, reports), and the catalog the province publishes to them: its admin edits it with the same
 * catalog routes and screens an office's admin uses (procedures, fields, form templates, import and export).
 */
const provinceHubRoutes: FastifyPluginAsync = async (api) => {
  await api.register(provinceRoutes);
  await api.register(provinceReportRoutes);
  await api.register(provinceCatalogRoutes);
  await api.register(procedureRoutes);
  await api.register(catalogAdminRoutes);
  await api.register(catalogFilesRoutes);
};
export default provinceHubRoutes;
