using Hospital.Testing;

[assembly: AssemblyFixture(typeof(PostgresServer))]
