// A test-runner command that checks e-mail HTML against the caniemail data
// (@jsx-email/doiuse-email), in Node: the checker needs Node's path and util.
// Browser tests call it with executeServerCommand('doiuse-email', { html, clients }).
import { doIUseEmail } from '@jsx-email/doiuse-email';

export function doiuseEmailPlugin() {
  return {
    name: 'doiuse-email',
    executeCommand({ command, payload }) {
      if (command !== 'doiuse-email') return undefined;
      const result = doIUseEmail(payload.html, { emailClients: payload.clients });
      return { errors: result.success ? [] : result.errors, warnings: result.warnings, notes: result.notes };
    },
  };
}
