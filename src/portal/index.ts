export { PortalModule } from './portal.module';
export { acceptPortalForms, registerPortalPlugins } from './http/portal-fastify';
export { PortalProblemPages } from './http/portal-problem-pages';
