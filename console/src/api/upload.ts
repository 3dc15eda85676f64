import { currentToken } from './client';
import { ApiProblem, problemFrom } from './problem';

/**
 * A multipart upload with its progress: fetch cannot report how much of a body was sent, so
 * this is XMLHttpRequest. A refusal throws its problem, a lost connection a network error.
 */
export const upload = <T>(path: string, form: FormData, language: string, onSent: (sent: number, total: number) => void): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', language);
    const token = currentToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onSent(event.loaded, event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch (error) {
          reject(error);
        }
      } else reject(new ApiProblem(problemFrom(xhr.status, xhr.statusText, xhr.responseText)));
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(form);
  });
