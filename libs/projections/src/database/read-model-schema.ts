/** Read-model entities and their migrations; each projection adds its own here. */
export const projectionEntities: Function[] = [];
export const projectionMigrations: Function[] = [];
