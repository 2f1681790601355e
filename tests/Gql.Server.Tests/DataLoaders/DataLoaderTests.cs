using Gql.Server.DataLoaders;
using Gql.Server.Execution;
using Gql.Server.Tests.Execution;

namespace Gql.Server.Tests.DataLoaders;

public sealed class DataLoaderTests
{
    public sealed record Visit(int Id, int DoctorId);

    public sealed record Doctor(int Id, string Name, int DepartmentId);

    public sealed record Department(int Id, string Name);

    /// <summary>Records every batch, and answers after real asynchrony, as a database would.</summary>
    public sealed class DoctorByIdDataLoader : BatchDataLoader<int, Doctor>
    {
        public List<int[]> Batches { get; } = [];

        protected override async Task<IReadOnlyDictionary<int, Doctor>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            Batches.Add([.. keys]);
            await Task.Delay(5, cancellationToken);
            return keys.Where(k => k != 404).ToDictionary(k => k, k => new Doctor(k, $"Dr {k}", k % 2));
        }
    }

    public sealed class DepartmentByIdDataLoader : BatchDataLoader<int, Department>
    {
        public List<int[]> Batches { get; } = [];

        protected override async Task<IReadOnlyDictionary<int, Department>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            Batches.Add([.. keys]);
            await Task.Yield();
            return keys.ToDictionary(k => k, k => new Department(k, k == 0 ? "Cardiology" : "Neurology"));
        }
    }

    public sealed class VisitsByDoctorDataLoader : GroupedDataLoader<int, Visit>
    {
        public int Calls { get; private set; }

        protected override Task<ILookup<int, Visit>> LoadGroupedBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(keys.SelectMany(k => Enumerable.Range(1, k % 3).Select(i => new Visit(k * 10 + i, k))).ToLookup(v => v.DoctorId));
        }
    }

    [QueryType]
    public static class VisitQueries
    {
        public static async Task<IEnumerable<Visit>> GetVisitsAsync()
        {
            await Task.Delay(1);
            return Enumerable.Range(1, 50).Select(i => new Visit(i, i % 7 == 0 ? 404 : i % 10));
        }
    }

    [ObjectType<Visit>]
    public static class VisitType
    {
        public static Task<Doctor?> GetDoctorAsync([Parent] Visit visit, DoctorByIdDataLoader doctors, CancellationToken cancellationToken) =>
            doctors.LoadAsync(visit.DoctorId, cancellationToken);
    }

    [ObjectType<Doctor>]
    public static class DoctorType
    {
        public static Task<Department?> GetDepartmentAsync([Parent] Doctor doctor, DepartmentByIdDataLoader departments, CancellationToken cancellationToken) =>
            departments.LoadAsync(doctor.DepartmentId, cancellationToken);

        public static Task<Visit[]> GetVisitsAsync([Parent] Doctor doctor, VisitsByDoctorDataLoader visits, CancellationToken cancellationToken) =>
            visits.LoadAsync(doctor.Id, cancellationToken);
    }

    [Fact]
    public async Task NestedRelations_LoadInOneBatchPerLevel()
    {
        var services = new Loaders();
        var schema = new CodeFirstSchemaBuilder()
            .AddType(typeof(VisitQueries)).AddType(typeof(VisitType)).AddType(typeof(DoctorType))
            .UseServiceDetection(t => services.GetService(t) is not null)
            .Build();
        var executor = new RequestExecutor(schema);

        var result = await executor.ExecuteAsync(
            new GraphQLRequest("{ visits { id doctor { name department { name } visits { id } } } }"),
            new RequestContext { Services = services },
            TestContext.Current.CancellationToken);

        Assert.Null(result.Errors);
        var doctorBatch = Assert.Single(services.Doctors.Batches);
        Assert.Equal([1, 2, 3, 4, 5, 6, 404, 8, 9, 0, 7], doctorBatch);
        Assert.Equal([1, 0], Assert.Single(services.Departments.Batches));
        Assert.Equal(1, services.Visits.Calls);
        Assert.Contains("""{"id":7,"doctor":null}""", result.DataJson());
        Assert.Contains("""{"id":1,"doctor":{"name":"Dr 1","department":{"name":"Neurology"},"visits":[{"id":11}]}}""", result.DataJson());
    }

    [Fact]
    public async Task Loader_IsResolvedOncePerRequest_FromThatRequestsServices()
    {
        var schema = new CodeFirstSchemaBuilder()
            .AddType(typeof(VisitQueries)).AddType(typeof(VisitType)).AddType(typeof(DoctorType))
            .UseServiceDetection(t => new Loaders().GetService(t) is not null)
            .Build();
        var executor = new RequestExecutor(schema);
        var requests = new[] { new Loaders(), new Loaders() };

        foreach (var services in requests)
        {
            var result = await executor.ExecuteAsync(new GraphQLRequest("{ visits { doctor { name } } }"), new RequestContext { Services = services }, TestContext.Current.CancellationToken);
            Assert.Null(result.Errors);
        }

        // Fifty visits ask for the doctor loader; each request resolves it once, and from its own services.
        Assert.All(requests, r => Assert.Equal(1, r.Resolutions[typeof(DoctorByIdDataLoader)]));
        Assert.All(requests, r => Assert.Single(r.Doctors.Batches));
    }

    [Fact]
    public async Task Loader_CachesKeysWithinItsScope()
    {
        var loader = new DoctorByIdDataLoader();

        var first = await loader.LoadAsync(3, TestContext.Current.CancellationToken);
        var again = await loader.LoadAsync(3, TestContext.Current.CancellationToken);

        Assert.Same(first, again);
        Assert.Single(loader.Batches);
    }

    /// <summary>Names what each batch was loaded with: the branch's state, or "all" on the loader itself.</summary>
    public sealed class LabelledDoctorDataLoader(List<string>? batches = null) : BatchDataLoader<int, string>
    {
        public List<string> Batches { get; } = batches ?? [];

        protected override Task<IReadOnlyDictionary<int, string>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            var label = (BranchState as string[])?[0] ?? "all";
            Batches.Add(label);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => $"{label}:{k}"));
        }

        // Branches record into the same list, so the test sees every batch in order.
        protected override DataLoaderBase<int, string?> CreateBranch() => new LabelledDoctorDataLoader(Batches);
    }

    [Fact]
    public async Task Branch_HasItsOwnCacheAndState_AndIsMadeOncePerKey()
    {
        var loader = new LabelledDoctorDataLoader();
        var made = 0;

        var name = loader.Branch("name", key => { made++; return new[] { key }; });
        var again = loader.Branch("name", key => { made++; return new[] { key }; });
        var other = loader.Branch("name,phone", key => new[] { key });

        Assert.Same(name, again);
        Assert.Equal(1, made);
        Assert.Equal("name:3", await name.LoadAsync(3, TestContext.Current.CancellationToken));
        Assert.Equal("name,phone:3", await other.LoadAsync(3, TestContext.Current.CancellationToken));
        Assert.Equal("all:3", await loader.LoadAsync(3, TestContext.Current.CancellationToken));
        Assert.Equal(["name", "name,phone", "all"], loader.Batches);
    }

    private sealed class Loaders : IServiceProvider
    {
        public DoctorByIdDataLoader Doctors { get; } = new();
        public DepartmentByIdDataLoader Departments { get; } = new();
        public VisitsByDoctorDataLoader Visits { get; } = new();
        public Dictionary<Type, int> Resolutions { get; } = [];

        public object? GetService(Type serviceType)
        {
            Resolutions[serviceType] = Resolutions.GetValueOrDefault(serviceType) + 1;
            return Find(serviceType);
        }

        private object? Find(Type serviceType) =>
            serviceType == typeof(DoctorByIdDataLoader) ? Doctors
            : serviceType == typeof(DepartmentByIdDataLoader) ? Departments
            : serviceType == typeof(VisitsByDoctorDataLoader) ? Visits
            : null;
    }
}
