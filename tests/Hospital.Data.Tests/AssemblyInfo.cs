using Hospital.Testing;

[assembly: AssemblyFixture(typeof(DatabaseServers))]
