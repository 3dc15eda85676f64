import { runCli } from '../support/cli-process';

/** `npm run cli -- history` in trial mode: no attempt on a database that is not there, but what to do instead, in both languages. */
describe('cli history without DATABASE_URL (trial mode)', () => {
  it('says, in Vietnamese and English, to read the history through the API, and exits 2', async () => {
    const id = '6f1c2d3e-4a5b-4c6d-8e7f-101112131415';
    const result = await runCli(['history', id], { PORT: '3456' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Chế độ dùng thử');
    expect(result.stderr).toContain('Trial mode (npm start without DATABASE_URL)');
    expect(result.stderr).toContain(`curl -s http://localhost:3456/applications/${id}/history`);
    expect(result.stderr).toContain('npm run -s cli -- token --sub auditor-1 --role auditor');
    expect(result.stderr).not.toMatch(/does not exist|ECONNREFUSED/);
  });
});
