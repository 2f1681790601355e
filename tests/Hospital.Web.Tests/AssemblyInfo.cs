[assembly: AssemblyFixture(typeof(Hospital.Web.Tests.HospitalWebApp))]

// One app and one small machine: browser tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
