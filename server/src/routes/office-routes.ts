// The office hub's API (HUB_ROLE=office, the default): everything but the routes both roles share (app.ts).
import type { FastifyPluginAsync } from 'fastify';
import announcementRoutes from './api/announcements';
import calendarRoutes from './api/calendar';
import catalogAdminRoutes from './api/catalog-admin';
import catalogFilesRoutes from './api/catalog-files';
import counterRoutes from './api/counters';
import deviceRoutes from './api/devices';
import displayRoutes from './api/displays';
import dossierRoutes from './api/dossiers';
import dossierBookRoutes from './api/dossiers-book';
import logoRoutes from './api/logo';
import monitorRoutes from './api/monitor';
import printPageRoutes from './api/print-page';
import printerRoutes from './api/printers';
import privacyRoutes from './api/privacy';
import procedureRoutes from './api/procedures';
import queueRoutes from './api/queue';
import ratingRoutes from './api/ratings';
import reportRoutes from './api/reports';
import ticketRoutes from './api/tickets';
import trackRoutes from './api/track';

/** The queue, kiosks, counters, displays, printing, catalog, dossiers, reports and citizens' pages' routes. */
const officeRoutes: FastifyPluginAsync = async (api) => {
  await api.register(queueRoutes);
  await api.register(ticketRoutes);
  await api.register(counterRoutes);
  await api.register(deviceRoutes);
  await api.register(procedureRoutes);
  await api.register(catalogAdminRoutes);
  await api.register(catalogFilesRoutes);
  await api.register(logoRoutes);
  await api.register(printerRoutes);
  await api.register(printPageRoutes);
  await api.register(trackRoutes);
  await api.register(ratingRoutes);
  await api.register(reportRoutes);
  await api.register(monitorRoutes);
  await api.register(displayRoutes);
  await api.register(announcementRoutes);
  await api.register(dossierRoutes);
  await api.register(dossierBookRoutes);
  await api.register(calendarRoutes);
  await api.register(privacyRoutes);
};
export default officeRoutes;
