using System.Linq.Expressions;
using Gql.Data;
using Gql.Server.Execution;
using Gql.Server.Types;

namespace Gql.Server.Tests.Data;

public enum CareLevel
{
    Routine,
    Urgent,
    Critical,
}

[GraphQLName("Department")]
public sealed class DataDepartment
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public int Floor { get; init; }
    public short Wing { get; init; }
}

[GraphQLName("Doctor")]
public sealed class DataDoctor
{
    public int Id { get; init; }
    public required string LastName { get; init; }
    public DataDepartment? Department { get; init; }
}

[GraphQLName("Appointment")]
public sealed class DataAppointment
{
    public int Id { get; init; }
    public DateTime At { get; init; }
    public required string Reason { get; init; }
    public CareLevel Level { get; init; }
}

[GraphQLName("Patient")]
public sealed class DataPatient
{
    public int Id { get; init; }
    public required string LastName { get; init; }
    public string? FirstName { get; init; }
    public int Age { get; init; }
    public long Mrn { get; init; }
    public double Weight { get; init; }
    public decimal Balance { get; init; }
    public DateTime AdmittedAt { get; init; }
    public DateOnly BirthDate { get; init; }
    public TimeOnly PreferredTime { get; init; }
    public Guid ExternalId { get; init; }
    public bool Active { get; init; }
    public CareLevel Level { get; init; }
    public int? Room { get; init; }
    public CareLevel? Triage { get; init; }
    public DataDoctor? Doctor { get; init; }
    public List<DataAppointment> Appointments { get; init; } = [];
    public List<string> Tags { get; init; } = [];
    public string Secret { get; init; } = "";
}

[ObjectType<DataPatient>]
public static class DataPatientType
{
    public static void Configure(ObjectTypeConfiguration<DataPatient> type) => type.Ignore(p => p.Secret);
}

/// <summary>Explicitly bound filtering, sorting with an ignored field, and a renamed object type.</summary>
public sealed class DataStaff
{
    public int Id { get; init; }
    public required string LastName { get; init; }
    public long Mrn { get; init; }
    public string Phone { get; init; } = "";
    public string Secret { get; init; } = "";
    public DataDepartment? Department { get; init; }
}

[ObjectType<DataStaff>]
internal static class DataStaffType
{
    public static void Configure(ObjectTypeConfiguration<DataStaff> type) => type.Ignore(s => s.Secret).Name("Employee");

    internal static void ConfigureFiltering(FilterConfiguration<DataStaff> filter) =>
        filter.BindFieldsExplicitly().Field(s => s.LastName).Field(s => s.Mrn);

    internal static void ConfigureSorting(SortConfiguration<DataStaff> sort) => sort.Ignore(s => s.Phone);
}

/// <summary>A configuration that binds a property the object type hides: the schema must refuse it.</summary>
public sealed class DataLeaky
{
    public int Id { get; init; }
    public string Secret { get; init; } = "";
}

[ObjectType<DataLeaky>]
internal static class DataLeakyType
{
    public static void Configure(ObjectTypeConfiguration<DataLeaky> type) => type.Ignore(s => s.Secret);

    internal static void ConfigureFiltering(FilterConfiguration<DataLeaky> filter) => filter.BindFieldsExplicitly().Field(s => s.Secret);
}

[QueryType]
public static class DataLeakyQueries
{
    [UseFiltering]
    public static IQueryable<DataLeaky> GetLeaky() => new List<DataLeaky>().AsQueryable();
}

[QueryType]
public static class DataBadQueries
{
    [UseFiltering]
    public static List<int> GetNumbers() => [1, 2];
}

public static class DataSet
{
    private static readonly DataDepartment Cardiology = new() { Id = 1, Name = "Cardiology", Floor = 2, Wing = 3 };
    private static readonly DataDoctor House = new() { Id = 1, LastName = "House", Department = Cardiology };
    private static readonly DataDoctor Grey = new() { Id = 2, LastName = "Grey" };

    public static readonly List<DataPatient> Patients =
    [
        new()
        {
            Id = 1, LastName = "Smith", FirstName = "Anna", Age = 30, Mrn = 1001, Weight = 60.5, Balance = 10.50m,
            AdmittedAt = new DateTime(2026, 1, 10, 8, 0, 0, DateTimeKind.Utc), BirthDate = new DateOnly(1996, 3, 1), PreferredTime = new TimeOnly(9, 0),
            ExternalId = Guid.Parse("00000000-0000-0000-0000-000000000001"), Active = true, Level = CareLevel.Routine, Room = 101, Triage = CareLevel.Urgent,
            Doctor = House, Tags = ["diabetic", "vip"], Secret = "s1",
            Appointments =
            [
                new() { Id = 1, At = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), Reason = "Checkup", Level = CareLevel.Routine },
                new() { Id = 2, At = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), Reason = "Surgery", Level = CareLevel.Critical },
            ],
        },
        new()
        {
            Id = 2, LastName = "Jones", FirstName = null, Age = 45, Mrn = 1002, Weight = 80.0, Balance = 0m,
            AdmittedAt = new DateTime(2026, 2, 15, 0, 0, 0, DateTimeKind.Utc), BirthDate = new DateOnly(1981, 7, 20), PreferredTime = new TimeOnly(14, 30),
            ExternalId = Guid.Parse("00000000-0000-0000-0000-000000000002"), Active = false, Level = CareLevel.Urgent, Room = null, Triage = null,
            Doctor = Grey, Tags = [],
            Appointments = [new() { Id = 3, At = new DateTime(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc), Reason = "Checkup", Level = CareLevel.Routine }],
        },
        new()
        {
            Id = 3, LastName = "smithers", FirstName = "Bob", Age = 60, Mrn = 1003, Weight = 72.25, Balance = 250.75m,
            AdmittedAt = new DateTime(2026, 3, 20, 0, 0, 0, DateTimeKind.Utc), BirthDate = new DateOnly(1966, 11, 11), PreferredTime = new TimeOnly(18, 0),
            ExternalId = Guid.Parse("00000000-0000-0000-0000-000000000003"), Active = true, Level = CareLevel.Critical, Room = 202, Triage = CareLevel.Critical,
            Doctor = null, Tags = ["vip"], Appointments = [],
        },
        new()
        {
            Id = 4, LastName = "O'Brien", FirstName = "Carl", Age = 30, Mrn = 1004, Weight = 90, Balance = 99.99m,
            AdmittedAt = new DateTime(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc), BirthDate = new DateOnly(1996, 1, 1), PreferredTime = new TimeOnly(9, 0),
            ExternalId = Guid.Parse("00000000-0000-0000-0000-000000000004"), Active = true, Level = CareLevel.Routine, Room = 101, Triage = CareLevel.Routine,
            Doctor = House, Tags = ["diabetic"],
            Appointments = [new() { Id = 4, At = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), Reason = "Follow-up surgery", Level = CareLevel.Urgent }],
        },
    ];

    public static readonly List<DataStaff> Staff =
    [
        new() { Id = 1, LastName = "Adams", Mrn = 7, Phone = "555-1", Secret = "x", Department = Cardiology },
        new() { Id = 2, LastName = "Baker", Mrn = 5, Phone = "555-2", Secret = "y" },
    ];
}

/// <summary>
/// Records the query a field's inner middleware produced, as the outermost middleware (where paging sits) sees it,
/// and appends an <c>Id</c> tie-breaker the way paging does when <see cref="AppendIdTieBreaker"/> is set.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CaptureQueryAttribute : FieldConfigurationAttribute
{
    public static readonly AsyncLocal<List<IQueryable>?> Log = new();

    public bool AppendIdTieBreaker { get; set; }

    public override void Configure(FieldConfigurationContext context)
    {
        var append = AppendIdTieBreaker;
        context.Field.Middleware.Add(next => async c =>
        {
            var result = await next(c);
            if (result is IQueryable<DataPatient> query)
            {
                if (append)
                {
                    query = QueryOrdering.AppendOrdering(query, p => p.Id);
                }

                Log.Value?.Add(query);
                return query;
            }

            return result;
        });
    }
}

[QueryType]
public static class DataQueries
{
    [CaptureQuery]
    [UseFiltering]
    [UseSorting]
    public static IQueryable<DataPatient> GetPatients() => DataSet.Patients.AsQueryable();

    /// <summary>Paging-like outer middleware over a resolver that orders by itself.</summary>
    [CaptureQuery(AppendIdTieBreaker = true)]
    [UseFiltering]
    [UseSorting]
    public static IQueryable<DataPatient> GetPatientsByAgeDesc() => DataSet.Patients.AsQueryable().OrderByDescending(p => p.Age);

    [UseFiltering]
    [UseSorting]
    public static IEnumerable<DataPatient> GetPatientList() => DataSet.Patients;

    [UseFiltering]
    [UseSorting]
    public static async Task<IEnumerable<DataPatient>?> GetPatientsLaterAsync()
    {
        await Task.Yield();
        return DataSet.Patients;
    }

    [UseFiltering]
    [UseSorting]
    public static IQueryable<DataStaff> GetStaff() => DataSet.Staff.AsQueryable();
}

internal static class DataSchema
{
    public static readonly Lazy<Schema> Instance = new(() => new CodeFirstSchemaBuilder()
        .AddType(typeof(DataQueries))
        .AddType(typeof(DataPatientType))
        .AddType(typeof(DataStaffType))
        .Build());

    public static Schema Schema => Instance.Value;

    /// <summary>The SDL of one type, as the schema printer prints it.</summary>
    public static string TypeSdl(string name)
    {
        var sdl = SchemaPrinter.Print(Schema);
        var blocks = sdl.Split("\n\n");
        return blocks.Single(b => b.Contains($" {name} {{", StringComparison.Ordinal) && (b.StartsWith("input ", StringComparison.Ordinal) || b.StartsWith("enum ", StringComparison.Ordinal) || b.StartsWith("type ", StringComparison.Ordinal) || b.StartsWith('"')));
    }

    /// <summary>Runs the query and records the queries the capturing middleware saw.</summary>
    public static async Task<(ExecutionResult Result, List<IQueryable> Queries)> RunCapturedAsync(string query, object? variables = null)
    {
        var log = new List<IQueryable>();
        CaptureQueryAttribute.Log.Value = log;
        try
        {
            var result = await Execution.ExecutionTestHelpers.RunAsync(Schema, query, variables);
            return (result, log);
        }
        finally
        {
            CaptureQueryAttribute.Log.Value = null;
        }
    }

    public static string Ids(this ExecutionResult result, string field)
    {
        Assert.Null(result.Errors);
        var items = (IEnumerable<object?>)result.Data![field]!;
        return string.Join(",", items.Select(i => ((IReadOnlyDictionary<string, object?>)i!)["id"]));
    }

    public static string? Code(this ExecutionResult result) => Assert.Single(result.Errors!).Code;
}

/// <summary>
/// Fails on anything a SQL-translating LINQ provider could not translate: invocations of delegates, compiled
/// lambdas in constants, calls to methods other than the Queryable/Enumerable operators and the few string methods
/// EF Core maps to SQL, operators of types without SQL equivalents.
/// </summary>
internal sealed class TranslatabilityChecker : ExpressionVisitor
{
    private static readonly HashSet<string> QueryableMethods = ["Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending"];
    private static readonly HashSet<string> EnumerableMethods = ["Any", "All", "Contains"];
    private static readonly HashSet<Type> OperatorTypes = [typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(Guid), typeof(string)];

    public static void Check(Expression expression) => new TranslatabilityChecker().Visit(expression);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        var allowed = (method.DeclaringType == typeof(Queryable) && QueryableMethods.Contains(method.Name))
            || (method.DeclaringType == typeof(Enumerable) && EnumerableMethods.Contains(method.Name))
            || (method.DeclaringType == typeof(string) && ((method.Name is "Contains" or "StartsWith" or "EndsWith" && method.GetParameters() is [{ ParameterType: var p }] && p == typeof(string))
                || (method.Name == "ToLower" && method.GetParameters().Length == 0)));
        Assert.True(allowed, $"Untranslatable call {method.DeclaringType?.Name}.{method.Name} in {node}");
        return base.VisitMethodCall(node);
    }

    protected override Expression VisitInvocation(InvocationExpression node)
    {
        Assert.Fail($"Invocation in {node}");
        return node;
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        var type = node.Value?.GetType();
        var allowed = node.Value is null or bool or IQueryable || (type!.IsGenericType && type.GetGenericTypeDefinition().Name == "ValueHolder`1");
        Assert.True(allowed, $"Constant of type {type?.Name} cannot become a query parameter: {node}");
        return base.VisitConstant(node);
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        Assert.True(node.Member is System.Reflection.PropertyInfo, $"Field access {node}");
        if (node.Expression is ConstantExpression constant)
        {
            Assert.Equal("ValueHolder`1", constant.Type.GetGenericTypeDefinition().Name);
        }
        else
        {
            Assert.True(node.Expression is ParameterExpression or MemberExpression, $"Member of a computed value: {node}");
        }

        return base.VisitMember(node);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        if (node.Method is { } method)
        {
            var type = Nullable.GetUnderlyingType(method.DeclaringType!) ?? method.DeclaringType!;
            Assert.True(OperatorTypes.Contains(type) && method.Name.StartsWith("op_", StringComparison.Ordinal), $"Operator {method} in {node}");
        }

        return base.VisitBinary(node);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        Assert.True(node.NodeType is ExpressionType.Not or ExpressionType.Quote or ExpressionType.Convert, $"Unary {node.NodeType} in {node}");
        Assert.Null(node.Method);
        return base.VisitUnary(node);
    }

    protected override Expression VisitExtension(Expression node)
    {
        Assert.Fail($"Extension node {node}");
        return node;
    }
}
