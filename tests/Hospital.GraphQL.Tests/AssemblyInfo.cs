[assembly: AssemblyFixture(typeof(Hospital.GraphQL.Tests.HospitalApi))]
[assembly: AssemblyFixture(typeof(Hospital.GraphQL.Tests.PostgresHospitalApi))]

// The SQL counter is shared by the whole API fixture: tests that count statements must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: AssemblyFixture(typeof(Hospital.GraphQL.Tests.MariaDbHospitalApi))]
