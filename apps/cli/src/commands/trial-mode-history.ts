/**
 * Trial mode (`npm start` without DATABASE_URL) keeps the log in an embedded PostgreSQL that
 * the running service holds open: a second process must not open it. The timeline is then read
 * over HTTP; this says how, in Vietnamese and English.
 */
export const trialModeHistoryHelp = (applicationId: string, port = '3000'): string =>
  [
    'Chế độ dùng thử (npm start không có DATABASE_URL) giữ dữ liệu trong cơ sở dữ liệu nhúng do dịch vụ đang chạy mở;',
    'lệnh CLI không đọc được cơ sở dữ liệu đó. Hãy xem lịch sử hồ sơ qua API (hoặc trang hồ sơ trên console):',
    '',
    'Trial mode (npm start without DATABASE_URL) keeps its data in the embedded database the running service holds open;',
    'the CLI cannot read it. Read the application\'s history through the API (or its page in the console):',
    '',
    `  AUDITOR=$(npm run -s cli -- token --sub auditor-1 --role auditor)`,
    `  curl -s http://localhost:${port}/applications/${applicationId}/history -H "Authorization: Bearer $AUDITOR"`,
    '',
    'Với PostgreSQL / On PostgreSQL: DATABASE_URL=postgres://… npm run -s cli -- history ' + applicationId,
  ].join('\n');
