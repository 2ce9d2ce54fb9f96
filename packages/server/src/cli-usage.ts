/** The text of `school-diary-server --help`. */
export const USAGE = `Usage: school-diary-server [serve] [options]
       school-diary-server backup --to FILE [--db FILE] [--force]
       school-diary-server restore --from FILE [--db FILE]
       school-diary-server deliveries --failed | --retry ID|all [--db FILE|URL]
       school-diary-server audit --since DATE [--kind auth|all] [--db FILE|URL]
       school-diary-server rotate-key [--data-key-file FILE] [--db FILE|URL]
       school-diary-server create-school --code CODE --name NAME --admin-phone PHONE
                           --admin-last-name NAME --admin-first-name NAME [options]
       school-diary-server import --school CODE FILE [--apply] [--lang en] [--json]
       school-diary-server export --school CODE --to FILE [--format csv|xlsx|oneroster]

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
  --codes-per-day N     one-time codes sent to, and tried by, one account a day (default 20 sent, 15 tried)
  --password-hash-cost N  scrypt cost of new password hashes, log2 N (default 17, as
                        OWASP advises; lower only for load tests)
  --site DIR            serve a website from DIR at / beside the API (e.g. the
                        example school site)
  --embed-dir DIR       serve the one-script-tag build (diary-elements.js) from DIR
                        at /embed/ (default: the installed @school-diary/elements)
  --data-key-file FILE  the data key(s) that encrypt document numbers at rest: 32 random
                        bytes in base64 (openssl rand -base64 32), one per line, the
                        current first; or DIARY_DATA_KEY=KEY[,OLD] (never a flag). Required
                        outside --dev; --dev makes one beside the database
  --log                 log every request (one JSON line each)
  --version             print the version
  -h, --help            print this help

  Delivery (without a provider, SMS and e-mail stay queued in the outbox):
  --sms-provider NAME   smsc (smsc.ru) or smsru (sms.ru)
  --sms-login LOGIN     SMSC login (empty: --sms-password is an SMSC API key)
  --sms-password SECRET SMSC password or API key
  --sms-api-id KEY      SMS.ru api_id
  --sms-sender NAME     approved sender name (default: the account's)
  --sms-api-url URL     the provider's API address (default https://smsc.ru or https://sms.ru)
  --sms-rate N          SMS per second at most (default 10)
  --smtp-host HOST      SMTP server for e-mail
  --smtp-port N         its port (default 587; 465 with --smtp-security tls)
  --smtp-security MODE  starttls (default, required), tls (from the first byte) or none
  --smtp-user USER      SMTP login
  --smtp-password PASS  SMTP password
  --smtp-from ADDRESS   sender, e.g. "School 42 <diary@school42.example>"
  --smtp-ca FILE        PEM CA to trust for the SMTP server's certificate
  --smtp-rate N         e-mails per second at most (default 10)

  Operations:
  --metrics-port N      serve /metrics alone on this port (of --metrics-host)
  --metrics-host HOST   address of the metrics port (default 127.0.0.1)
  --oidc NAME=ISSUER,CLIENT_ID,SECRET_FILE
                        let parents sign in through an OpenID Connect provider
                        (repeatable; see docs/identity-providers.md)
  --oidc-config FILE    providers from a JSON file (titles, logos, SNILS claim)
  --public-url URL      where browsers reach this server (the providers' callback base)
  --metrics-token TOKEN serve /metrics on the API port to "Authorization: Bearer TOKEN"
  --trust-proxy ADDR    a reverse proxy (IP or CIDR, repeatable) whose X-Forwarded-For
                        gives the client's address; without it the peer's address counts
  --events-retention-days N  days live events are kept for resuming (default 30)
  --shutdown-grace N    seconds SIGTERM waits for requests in flight (default 10)
  --backup-every T      take a backup archive every T (30m, 6h, 1d; SQLite only)
  --backup-dir DIR      where those archives go
  --backup-keep N       how many of them to keep (default 7; older ones are deleted)

  Every flag can come from the environment instead: DIARY_ and the flag's name in
  capitals with _ for - (--smtp-password: DIARY_SMTP_PASSWORD; --port: DIARY_PORT;
  --trust-proxy: DIARY_TRUST_PROXY, comma-separated; --dev: DIARY_DEV=1). The
  command line wins. Keep secrets (DIARY_SMS_PASSWORD, DIARY_SMS_API_ID,
  DIARY_SMTP_PASSWORD, DIARY_METRICS_TOKEN) in the environment: other users of the
  machine can read a process's command line.

backup   one archive (.tar.gz) of a SQLite database and its uploaded files, taken
         while the server may be serving (for PostgreSQL it says what to use
         instead: pg_dump, WAL archiving)
  --to FILE             where to write the archive (refuses to overwrite it without --force)
  --db FILE             the database to copy (default ./diary.sqlite)
  --files DIR           the uploaded files (default files/ beside the database)
  --force               replace FILE if it exists

restore  replace the database and the files with a backup; the server must be stopped
  --from FILE           an archive made by \`backup\` (checksums, integrity and migrations
                        are checked before anything is replaced)
  --db FILE             the database to replace (default ./diary.sqlite)
  --files DIR           the files directory to replace (default files/ beside the database)

deliveries  the outbox: messages that failed, and sending them again
  --failed              list failed messages (id, channel, when, reason; never the text)
  --retry ID|all        queue failed messages again (a one-time code's message is
                        refused: its code was wiped; the user asks for a new one)
  --db FILE|URL         the database (default ./diary.sqlite or $DATABASE_URL)

audit    print the audit log since DATE, oldest first, one tab-separated line
         per entry (when, outcome, action, actor, target, IP, detail), every school's
         and those of no school; alerts have a detail starting with ALERT:
  --since DATE          e.g. 2026-11-24 or 2026-11-24T09:00:00Z
  --kind auth|all       auth: sign-ins, one-time codes, lockouts, IP blocks,
                        passwords, sessions, new devices (default all)
  --db FILE|URL         the database (default ./diary.sqlite or $DATABASE_URL)

rotate-key  re-encrypt every document number under the first data key given (the
         servers keep serving: give them the new key first and the old one after it,
         then run this, then drop the old key)
  --data-key-file FILE  the keys, new first (or DIARY_DATA_KEY=NEW,OLD)
  --db FILE|URL         the database (default ./diary.sqlite or $DATABASE_URL)

create-school  make a school and its first admin (a fresh database included); refuses a
         code or phone already there. The admin's password is DIARY_ADMIN_PASSWORD, or
         a random one printed once. The diary stays closed to families until the admin
         opens it
  --code CODE           the school's code, 6–12 digits (parents link children with it)
  --name NAME           full name; --short-name NAME (default: the name)
  --region TEXT, --address TEXT, --time-zone ZONE (default Europe/Moscow)
  --admin-phone PHONE, --admin-last-name NAME, --admin-first-name NAME,
  --admin-middle-name NAME
  --db FILE|URL         the database (default ./diary.sqlite or $DATABASE_URL)

import   read a roster or timetable file into a school: the diary's roster or timetable
         template as CSV or XLSX, or a OneRoster 1.2 CSV bundle (ZIP). Without --apply
         (or with --dry-run) it only previews: each error by file, line and column, and
         how many pupils, classes, subjects or lessons it would create, change or leave
         alone. With --apply it writes
         everything in one transaction, only when the file has no error; running it
         again changes nothing. Exits 1 when the file has errors
  --school CODE         the school's code
  --apply               write the changes (default: preview only)
  --lang ru|en          the language of the error messages (default ru)
  --json                print the whole report as JSON
  --db FILE|URL         the database (default ./diary.sqlite or $DATABASE_URL)

export   write a school's roster in the import template's shape (pupils at school,
         with each one's code for parents), or as a OneRoster 1.2 bundle (ZIP); with
         --timetable, its classes' repeating weeks in the timetable template's shape
  --school CODE         the school's code
  --to FILE             where to write it
  --timetable           the timetable instead of the roster (csv or xlsx)
  --format F            csv (';', for Excel), xlsx or oneroster; default: from FILE's
                        extension (.xlsx, .zip), else csv
  --db FILE|URL         the database (default ./diary.sqlite or $DATABASE_URL)

Exit codes: 0 success, 1 failure, 2 bad command line.
`;
