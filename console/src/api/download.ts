import { currentToken } from './client';
import { ApiProblem, problemFrom } from './problem';

/**
 * A file the API streams (the CSV exports, lists and reports as XLSX or PDF): fetched with the session's token, since a plain
 * link would carry none, then handed to the browser as a download. A refusal throws its problem.
 */
export const download = async (path: string, filename: string, accept = 'text/csv'): Promise<void> => {
  const headers: Record<string, string> = { Accept: `${accept}, application/problem+json` };
  const token = currentToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { headers });
  if (!response.ok) throw new ApiProblem(problemFrom(response.status, response.statusText, await response.text()));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
