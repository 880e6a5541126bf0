import { api } from '../api';

/**
 * A detail page's edits: `PUT` or `DELETE /api/metadata/v0/{route}` with the resource's key and the
 * change, then the page loads the resource again (so what it shows is what metadata kept).
 */
export function metadataChange(key: string, reload: () => void) {
  return async (method: 'PUT' | 'DELETE', route: string, body: Record<string, string>): Promise<void> => {
    await api(method, `/api/metadata/v0/${route}`, { key, ...body });
    reload();
  };
}
