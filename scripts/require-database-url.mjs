// `npm run test:pg` runs the suites against PostgreSQL; without DATABASE_URL they would silently use PGlite.
if (!process.env.DATABASE_URL) {
  console.error(
    'test:pg needs DATABASE_URL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:pg',
  );
  process.exit(2);
}
