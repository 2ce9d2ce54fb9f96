/** The text of `school-diary-server --help`. */
export const USAGE = `Usage: school-diary-server [serve] [options]
       school-diary-server backup --to FILE [--db FILE] [--force]
       school-diary-server restore --from FILE [--db FILE]
       school-diary-server audit --since DATE [--kind auth|all] [--db FILE|URL]

The School Diary reference API server over an embedded SQLite database, or over
PostgreSQL for several instances behind a load balancer (see docs/scaling.md).

serve (the default)
  --port N              port to listen on (default 8080; 0 picks a free port)
  --host HOST           address to bind (default 127.0.0.1, this machine only;
                        0.0.0.0 listens on every interface, e.g. in a container)
  --db FILE|URL         SQLite database file (default ./diary.sqlite; created if missing)
                        or postgres://user:password@host:5432/diary (default: $DATABASE_URL
                        when set); migrations run at start either way
  --db-pool N           PostgreSQL connections per instance (default 10)
  --files DIR           uploaded files (default files/ beside the SQLite file, or
                        ./diary-files; every PostgreSQL instance needs the same shared DIR)
  --seed demo           load the demo school world once (idempotent) and list its accounts
  --dev                 dev mode: GET /api/v1/dev/outbox shows the SMS codes sent,
                        responses are checked against the contract
  --cors-origin ORIGIN  allow a site to call the API from the browser (repeatable),
                        e.g. --cors-origin https://school42.example
  --durability MODE     normal (default: survives a process crash) or full
                        (fsync on every commit: survives power loss, slower writes)
  --auth-rate-limit N   requests per minute per IP on login/registration (default 30)
  --password-hash-cost N  scrypt cost of new password hashes, log2 N (default 17, as
                        OWASP advises; lower only for load tests)
  --site DIR            serve a website from DIR at / beside the API (e.g. the
                        example school site)
  --embed-dir DIR       serve the one-script-tag build (diary-elements.js) from DIR
                        at /embed/ (default: the installed @school-diary/elements)
  --log                 log every request (one JSON line each)
  --version             print the version
  -h, --help            print this help

backup   online copy of a SQLite database while the server may be serving
         (for PostgreSQL it says what to use instead: pg_dump, WAL archiving)
  --to FILE             where to write the copy (refuses to overwrite it without --force)
  --db FILE             the database to copy (default ./diary.sqlite)
  --force               replace FILE if it exists

restore  replace the database with a backup; the server must be stopped
  --from FILE           a backup made by \`backup\` (checked before anything is replaced)
  --db FILE             the database to replace (default ./diary.sqlite)

audit    print the audit log since DATE, oldest first, one tab-separated line
         per entry (when, outcome, action, actor, target, IP, detail), every school's
         and those of no school; alerts have a detail starting with ALERT:
  --since DATE          e.g. 2026-11-24 or 2026-11-24T09:00:00Z
  --kind auth|all       auth: sign-ins, one-time codes, lockouts, IP blocks,
                        passwords, sessions, new devices (default all)
  --db FILE|URL         the database (default ./diary.sqlite or $DATABASE_URL)

Exit codes: 0 success, 1 failure, 2 bad command line.
`;
