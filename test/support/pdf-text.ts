import { execFile } from 'node:child_process';

/**
 * The text of a PDF, extracted by pdf-parse (PDF.js) in a plain Node process: PDF.js loads its
 * worker with a dynamic import, which Jest's module sandbox does not allow.
 */
export const pdfText = (pdf: Buffer): Promise<string> =>
  new Promise((resolve, reject) => {
    const script = `
      const { PDFParse } = require('pdf-parse');
      const chunks = [];
      process.stdin.on('data', (c) => chunks.push(c));
      process.stdin.on('end', async () => {
        const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
        const { text } = await parser.getText();
        await parser.destroy();
        process.stdout.write(text);
      });`;
    const child = execFile(process.execPath, ['-e', script], { cwd: __dirname, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`pdf-parse failed: ${stderr || error.message}`)) : resolve(stdout.normalize('NFC')),
    );
    child.stdin!.end(pdf);
  });
