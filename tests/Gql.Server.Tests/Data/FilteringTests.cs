using Gql.Data;
using Gql.Server.Tests.Execution;

namespace Gql.Server.Tests.Data;

public sealed class FilteringTests
{
    [Theory]
    // String: every operation, case-sensitive and case-insensitive.
    [InlineData("""{ lastName: { eq: "Smith" } }""", "1")]
    [InlineData("""{ lastName: { neq: "Smith" } }""", "2,3,4")]
    [InlineData("""{ lastName: { contains: "mith" } }""", "1,3")]
    [InlineData("""{ lastName: { ncontains: "mith" } }""", "2,4")]
    [InlineData("""{ lastName: { in: ["Jones", "O'Brien", "Nobody"] } }""", "2,4")]
    [InlineData("""{ lastName: { nin: ["Jones", "O'Brien"] } }""", "1,3")]
    [InlineData("""{ lastName: { startsWith: "Smith" } }""", "1")]
    [InlineData("""{ lastName: { nstartsWith: "Smith" } }""", "2,3,4")]
    [InlineData("""{ lastName: { endsWith: "s" } }""", "2,3")]
    [InlineData("""{ lastName: { nendsWith: "s" } }""", "1,4")]
    [InlineData("""{ lastName: { ieq: "SMITH" } }""", "1")]
    [InlineData("""{ lastName: { icontains: "SMITH" } }""", "1,3")]
    [InlineData("""{ lastName: { istartsWith: "sMi" } }""", "1,3")]
    [InlineData("""{ lastName: { iendsWith: "ERS" } }""", "3")]
    [InlineData("""{ lastName: { contains: "SMITH" } }""", "")]
    [InlineData("""{ lastName: { or: [{ eq: "Jones" }, { startsWith: "O" }] } }""", "2,4")]
    [InlineData("""{ lastName: { and: [{ contains: "mith" }, { endsWith: "s" }] } }""", "3")]
    [InlineData("""{ lastName: { contains: "mith", startsWith: "s" } }""", "3")]
    // Nullable string: null is IS NULL for eq/neq/ieq and never matches the text operations.
    [InlineData("""{ firstName: { eq: null } }""", "2")]
    [InlineData("""{ firstName: { neq: null } }""", "1,3,4")]
    [InlineData("""{ firstName: { ieq: null } }""", "2")]
    [InlineData("""{ firstName: { contains: "n" } }""", "1")]
    [InlineData("""{ firstName: { ncontains: "n" } }""", "2,3,4")]
    [InlineData("""{ firstName: { icontains: "A" } }""", "1,4")]
    [InlineData("""{ firstName: { ieq: "bob" } }""", "3")]
    [InlineData("""{ firstName: { istartsWith: "C" } }""", "4")]
    [InlineData("""{ firstName: { in: ["Bob", null] } }""", "2,3")]
    [InlineData("""{ firstName: { nin: ["Bob", null] } }""", "1,4")]
    // Int: every comparable operation.
    [InlineData("{ age: { eq: 30 } }", "1,4")]
    [InlineData("{ age: { neq: 30 } }", "2,3")]
    [InlineData("{ age: { in: [45, 60] } }", "2,3")]
    [InlineData("{ age: { nin: [45, 60] } }", "1,4")]
    [InlineData("{ age: { gt: 30 } }", "2,3")]
    [InlineData("{ age: { ngt: 30 } }", "1,4")]
    [InlineData("{ age: { gte: 45 } }", "2,3")]
    [InlineData("{ age: { ngte: 45 } }", "1,4")]
    [InlineData("{ age: { lt: 45 } }", "1,4")]
    [InlineData("{ age: { nlt: 45 } }", "2,3")]
    [InlineData("{ age: { lte: 45 } }", "1,2,4")]
    [InlineData("{ age: { nlte: 45 } }", "3")]
    [InlineData("{ age: { gt: 29, lt: 45 } }", "1,4")]
    [InlineData("{ age: { eq: null } }", "")]
    [InlineData("{ age: { neq: null } }", "1,2,3,4")]
    [InlineData("{ age: { in: [30, null] } }", "1,4")]
    [InlineData("{ id: { in: [] } }", "")]
    // Long
    [InlineData("{ mrn: { eq: 1002 } }", "2")]
    [InlineData("{ mrn: { neq: 1002 } }", "1,3,4")]
    [InlineData("{ mrn: { in: [1001, 1004] } }", "1,4")]
    [InlineData("{ mrn: { nin: [1001, 1004] } }", "2,3")]
    [InlineData("{ mrn: { gt: 1002 } }", "3,4")]
    [InlineData("{ mrn: { ngt: 1002 } }", "1,2")]
    [InlineData("{ mrn: { gte: 1002 } }", "2,3,4")]
    [InlineData("{ mrn: { ngte: 1002 } }", "1")]
    [InlineData("{ mrn: { lt: 1002 } }", "1")]
    [InlineData("{ mrn: { nlt: 1002 } }", "2,3,4")]
    [InlineData("{ mrn: { lte: 1003 } }", "1,2,3")]
    [InlineData("{ mrn: { nlte: 1003 } }", "4")]
    // Float
    [InlineData("{ weight: { eq: 80 } }", "2")]
    [InlineData("{ weight: { neq: 80 } }", "1,3,4")]
    [InlineData("{ weight: { in: [60.5, 90] } }", "1,4")]
    [InlineData("{ weight: { nin: [60.5, 90] } }", "2,3")]
    [InlineData("{ weight: { gt: 72.25 } }", "2,4")]
    [InlineData("{ weight: { ngt: 72.25 } }", "1,3")]
    [InlineData("{ weight: { gte: 72.25 } }", "2,3,4")]
    [InlineData("{ weight: { ngte: 72.25 } }", "1")]
    [InlineData("{ weight: { lt: 70 } }", "1")]
    [InlineData("{ weight: { nlt: 70 } }", "2,3,4")]
    [InlineData("{ weight: { lte: 80 } }", "1,2,3")]
    [InlineData("{ weight: { nlte: 80 } }", "4")]
    // Decimal
    [InlineData("{ balance: { eq: 0 } }", "2")]
    [InlineData("{ balance: { neq: 0 } }", "1,3,4")]
    [InlineData("{ balance: { in: [10.50, 0] } }", "1,2")]
    [InlineData("{ balance: { nin: [10.5, 0] } }", "3,4")]
    [InlineData("{ balance: { gt: 99.99 } }", "3")]
    [InlineData("{ balance: { ngt: 99.99 } }", "1,2,4")]
    [InlineData("{ balance: { gte: 99.99 } }", "3,4")]
    [InlineData("{ balance: { ngte: 99.99 } }", "1,2")]
    [InlineData("{ balance: { lt: 10.5 } }", "2")]
    [InlineData("{ balance: { nlt: 10.5 } }", "1,3,4")]
    [InlineData("{ balance: { lte: 10.5 } }", "1,2")]
    [InlineData("{ balance: { nlte: 10.5 } }", "3,4")]
    // DateTime (DateTime properties compare with the UTC instant of the value)
    [InlineData("""{ admittedAt: { eq: "2026-01-10T08:00:00Z" } }""", "1")]
    [InlineData("""{ admittedAt: { eq: "2026-01-10T09:00:00+01:00" } }""", "1")]
    [InlineData("""{ admittedAt: { neq: "2026-01-10T08:00:00Z" } }""", "2,3,4")]
    [InlineData("""{ admittedAt: { in: ["2026-01-10T08:00:00Z", "2026-03-20T00:00:00Z"] } }""", "1,3")]
    [InlineData("""{ admittedAt: { nin: ["2026-01-10T08:00:00Z", "2026-03-20T00:00:00Z"] } }""", "2,4")]
    [InlineData("""{ admittedAt: { gt: "2026-02-01T00:00:00Z" } }""", "2,3")]
    [InlineData("""{ admittedAt: { ngt: "2026-02-01T00:00:00Z" } }""", "1,4")]
    [InlineData("""{ admittedAt: { gte: "2026-02-15T00:00:00Z" } }""", "2,3")]
    [InlineData("""{ admittedAt: { ngte: "2026-02-15T00:00:00Z" } }""", "1,4")]
    [InlineData("""{ admittedAt: { lt: "2026-01-10T12:00:00Z" } }""", "1")]
    [InlineData("""{ admittedAt: { nlt: "2026-01-10T12:00:00Z" } }""", "2,3,4")]
    [InlineData("""{ admittedAt: { lte: "2026-01-10T12:00:00Z" } }""", "1,4")]
    [InlineData("""{ admittedAt: { nlte: "2026-01-10T12:00:00Z" } }""", "2,3")]
    // Date
    [InlineData("""{ birthDate: { eq: "1996-03-01" } }""", "1")]
    [InlineData("""{ birthDate: { neq: "1996-03-01" } }""", "2,3,4")]
    [InlineData("""{ birthDate: { in: ["1996-03-01", "1996-01-01"] } }""", "1,4")]
    [InlineData("""{ birthDate: { nin: ["1996-03-01", "1996-01-01"] } }""", "2,3")]
    [InlineData("""{ birthDate: { gt: "1990-01-01" } }""", "1,4")]
    [InlineData("""{ birthDate: { ngt: "1990-01-01" } }""", "2,3")]
    [InlineData("""{ birthDate: { gte: "1996-01-01" } }""", "1,4")]
    [InlineData("""{ birthDate: { ngte: "1996-01-01" } }""", "2,3")]
    [InlineData("""{ birthDate: { lt: "1981-07-20" } }""", "3")]
    [InlineData("""{ birthDate: { nlt: "1981-07-20" } }""", "1,2,4")]
    [InlineData("""{ birthDate: { lte: "1981-07-20" } }""", "2,3")]
    [InlineData("""{ birthDate: { nlte: "1981-07-20" } }""", "1,4")]
    // LocalTime
    [InlineData("""{ preferredTime: { eq: "09:00:00" } }""", "1,4")]
    [InlineData("""{ preferredTime: { neq: "09:00" } }""", "2,3")]
    [InlineData("""{ preferredTime: { in: ["14:30:00", "18:00:00"] } }""", "2,3")]
    [InlineData("""{ preferredTime: { nin: ["14:30:00", "18:00:00"] } }""", "1,4")]
    [InlineData("""{ preferredTime: { gt: "12:00:00" } }""", "2,3")]
    [InlineData("""{ preferredTime: { ngt: "12:00:00" } }""", "1,4")]
    [InlineData("""{ preferredTime: { gte: "14:30:00" } }""", "2,3")]
    [InlineData("""{ preferredTime: { ngte: "14:30:00" } }""", "1,4")]
    [InlineData("""{ preferredTime: { lt: "14:30:00" } }""", "1,4")]
    [InlineData("""{ preferredTime: { nlt: "14:30:00" } }""", "2,3")]
    [InlineData("""{ preferredTime: { lte: "14:30:00" } }""", "1,2,4")]
    [InlineData("""{ preferredTime: { nlte: "14:30:00" } }""", "3")]
    // UUID
    [InlineData("""{ externalId: { eq: "00000000-0000-0000-0000-000000000002" } }""", "2")]
    [InlineData("""{ externalId: { neq: "00000000-0000-0000-0000-000000000002" } }""", "1,3,4")]
    [InlineData("""{ externalId: { in: ["00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000004"] } }""", "1,4")]
    [InlineData("""{ externalId: { nin: ["00000000-0000-0000-0000-000000000001"] } }""", "2,3,4")]
    [InlineData("""{ externalId: { gt: "00000000-0000-0000-0000-000000000002" } }""", "3,4")]
    [InlineData("""{ externalId: { ngt: "00000000-0000-0000-0000-000000000002" } }""", "1,2")]
    [InlineData("""{ externalId: { gte: "00000000-0000-0000-0000-000000000002" } }""", "2,3,4")]
    [InlineData("""{ externalId: { ngte: "00000000-0000-0000-0000-000000000002" } }""", "1")]
    [InlineData("""{ externalId: { lt: "00000000-0000-0000-0000-000000000002" } }""", "1")]
    [InlineData("""{ externalId: { nlt: "00000000-0000-0000-0000-000000000002" } }""", "2,3,4")]
    [InlineData("""{ externalId: { lte: "00000000-0000-0000-0000-000000000002" } }""", "1,2")]
    [InlineData("""{ externalId: { nlte: "00000000-0000-0000-0000-000000000002" } }""", "3,4")]
    // Boolean
    [InlineData("{ active: { eq: true } }", "1,3,4")]
    [InlineData("{ active: { neq: true } }", "2")]
    // Enum
    [InlineData("{ level: { eq: URGENT } }", "2")]
    [InlineData("{ level: { neq: ROUTINE } }", "2,3")]
    [InlineData("{ level: { in: [URGENT, CRITICAL] } }", "2,3")]
    [InlineData("{ level: { nin: [ROUTINE] } }", "2,3")]
    // Nullable int: the underlying value is compared; null is IS NULL, never greater, never in a list without null.
    [InlineData("{ room: { eq: null } }", "2")]
    [InlineData("{ room: { neq: null } }", "1,3,4")]
    [InlineData("{ room: { eq: 101 } }", "1,4")]
    [InlineData("{ room: { neq: 101 } }", "2,3")]
    [InlineData("{ room: { gt: 101 } }", "3")]
    [InlineData("{ room: { ngt: 101 } }", "1,2,4")]
    [InlineData("{ room: { gte: 101 } }", "1,3,4")]
    [InlineData("{ room: { lt: 202 } }", "1,4")]
    [InlineData("{ room: { lte: 202 } }", "1,3,4")]
    [InlineData("{ room: { nlte: 101 } }", "2,3")]
    [InlineData("{ room: { in: [202, null] } }", "2,3")]
    [InlineData("{ room: { nin: [101] } }", "2,3")]
    // Nullable enum
    [InlineData("{ triage: { eq: null } }", "2")]
    [InlineData("{ triage: { eq: CRITICAL } }", "3")]
    [InlineData("{ triage: { neq: CRITICAL } }", "1,2,4")]
    [InlineData("{ triage: { in: [URGENT, ROUTINE] } }", "1,4")]
    [InlineData("{ triage: { nin: [URGENT, ROUTINE] } }", "2,3")]
    // Nested objects, through nullable navigations.
    [InlineData("""{ doctor: { lastName: { eq: "House" } } }""", "1,4")]
    [InlineData("""{ doctor: { lastName: { neq: "House" } } }""", "2")]
    [InlineData("{ doctor: { department: { floor: { gte: 2 } } } }", "1,4")]
    [InlineData("""{ doctor: { department: { name: { icontains: "CARDIO" } }, id: { eq: 1 } } }""", "1,4")]
    [InlineData("{ doctor: { } }", "1,2,3,4")]
    // Lists of objects: some, none, all, any.
    [InlineData("""{ appointments: { some: { reason: { icontains: "surgery" } } } }""", "1,4")]
    [InlineData("""{ appointments: { none: { level: { eq: CRITICAL } } } }""", "2,3,4")]
    [InlineData("""{ appointments: { all: { level: { eq: ROUTINE } } } }""", "2,3")]
    [InlineData("{ appointments: { any: true } }", "1,2,4")]
    [InlineData("{ appointments: { any: false } }", "3")]
    [InlineData("{ appointments: { some: { } } }", "1,2,4")]
    [InlineData("""{ appointments: { some: { and: [{ reason: { eq: "Checkup" } }, { at: { gt: "2026-02-05T00:00:00Z" } }] } } }""", "2")]
    [InlineData("""{ appointments: { some: { reason: { eq: "Checkup" } }, none: { level: { eq: CRITICAL } } } }""", "2")]
    // Lists of scalars.
    [InlineData("""{ tags: { some: { eq: "vip" } } }""", "1,3")]
    [InlineData("""{ tags: { none: { eq: "vip" } } }""", "2,4")]
    [InlineData("""{ tags: { all: { eq: "vip" } } }""", "2,3")]
    [InlineData("""{ tags: { any: true } }""", "1,3,4")]
    [InlineData("""{ tags: { some: { istartsWith: "DIA" } } }""", "1,4")]
    // and / or / several fields.
    [InlineData("{ or: [{ age: { eq: 45 } }, { level: { eq: CRITICAL } }] }", "2,3")]
    [InlineData("""{ and: [{ age: { eq: 30 } }, { lastName: { startsWith: "O" } }] }""", "4")]
    [InlineData("{ age: { eq: 30 }, active: { eq: true }, room: { eq: 101 } }", "1,4")]
    [InlineData("""{ or: [{ and: [{ age: { eq: 30 } }, { firstName: { eq: "Anna" } }] }, { mrn: { eq: 1003 } }] }""", "1,3")]
    [InlineData("{ or: [{ age: { eq: 45 } }], active: { eq: false } }", "2")]
    [InlineData("{ }", "1,2,3,4")]
    [InlineData("{ and: [] }", "1,2,3,4")]
    [InlineData("{ or: [] }", "1,2,3,4")]
    [InlineData("{ or: [{ }, { age: { eq: 45 } }] }", "1,2,3,4")]
    public async Task Where_FiltersWithEveryOperation_InTranslatableExpressions(string where, string expected)
    {
        var (result, queries) = await DataSchema.RunCapturedAsync($"{{ patients(where: {where}) {{ id }} }}");

        Assert.Equal(expected, result.Ids("patients"));
        var query = Assert.Single(queries);
        TranslatabilityChecker.Check(query.Expression);
    }

    [Fact]
    public async Task Where_FromVariables()
    {
        var result = await DataSchema.Schema.RunAsync(
            "query ($where: PatientFilterInput) { patients(where: $where) { id } }",
            new { where = new { age = new { gt = 40 }, lastName = new { icontains = "SMITH" }, admittedAt = new { lt = "2026-12-31T00:00:00Z" } } });

        Assert.Equal("3", result.Ids("patients"));
    }

    [Fact]
    public async Task Where_Absent_OrNull_LeavesTheResolverResult()
    {
        var (absent, queries) = await DataSchema.RunCapturedAsync("{ patients { id } }");
        var explicitNull = await DataSchema.Schema.RunAsync("{ patients(where: null) { id } }");

        Assert.Equal("1,2,3,4", absent.Ids("patients"));
        Assert.Equal("1,2,3,4", explicitNull.Ids("patients"));
        Assert.IsType<System.Linq.Expressions.ConstantExpression>(Assert.Single(queries).Expression);
    }

    [Fact]
    public async Task Where_FiltersEnumerablesAndAsyncResolvers()
    {
        var list = await DataSchema.Schema.RunAsync("""{ patientList(where: { lastName: { istartsWith: "smith" } }) { id } }""");
        var later = await DataSchema.Schema.RunAsync("{ patientsLater(where: { age: { eq: 30 } }) { id } }");

        Assert.Equal("1,3", list.Ids("patientList"));
        Assert.Equal("1,4", later.Ids("patientsLater"));
    }

    [Fact]
    public async Task CaseInsensitiveOperations_LowerTheValueOnceAndTheColumnInTheQuery()
    {
        var (result, queries) = await DataSchema.RunCapturedAsync("""{ patients(where: { lastName: { icontains: "SmItH" } }) { id } }""");

        Assert.Equal("1,3", result.Ids("patients"));
        var text = Assert.Single(queries).Expression.ToString();
        Assert.Contains("x.LastName.ToLower().Contains(value(", text, StringComparison.Ordinal);
        var holder = FindHolderValues(Assert.Single(queries).Expression);
        Assert.Equal(new object?[] { "smith" }, holder);
    }

    [Fact]
    public async Task Values_AreQueryParameters_NotLiterals()
    {
        var (_, queries) = await DataSchema.RunCapturedAsync("""{ patients(where: { age: { in: [30, 45] }, lastName: { eq: "Smith" } }) { id } }""");

        var expression = Assert.Single(queries).Expression;
        // Fields are ANDed in the order of the input type (lastName before age), as coercion orders them.
        Assert.Equal(new object?[] { "Smith", new List<int> { 30, 45 } }, FindHolderValues(expression));
        Assert.DoesNotContain("\"Smith\"", expression.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ lastName: { contains: null } }""", "The provided value for filter `contains` of type StringOperationFilterInput is invalid. Null values are not supported.")]
    [InlineData("""{ firstName: { icontains: null } }""", "The provided value for filter `icontains` of type StringOperationFilterInput is invalid. Null values are not supported.")]
    [InlineData("{ age: { gt: null } }", "The provided value for filter `gt` of type IntOperationFilterInput is invalid. Null values are not supported.")]
    [InlineData("{ age: { in: null } }", "The provided value for filter `in` of type IntOperationFilterInput is invalid. Null values are not supported.")]
    [InlineData("{ age: null }", "The provided value for filter `age` of type PatientFilterInput is invalid. Null values are not supported.")]
    [InlineData("{ doctor: null }", "The provided value for filter `doctor` of type PatientFilterInput is invalid. Null values are not supported.")]
    [InlineData("{ and: null }", "The provided value for filter `and` of type PatientFilterInput is invalid. Null values are not supported.")]
    [InlineData("{ appointments: { some: null } }", "The provided value for filter `some` of type ListFilterInputTypeOfAppointmentFilterInput is invalid. Null values are not supported.")]
    [InlineData("{ appointments: { any: null } }", "The provided value for filter `any` of type ListFilterInputTypeOfAppointmentFilterInput is invalid. Null values are not supported.")]
    public async Task InvalidFilters_FailTheFieldWithFilterInvalid(string where, string message)
    {
        var (result, queries) = await DataSchema.RunCapturedAsync($"{{ patients(where: {where}) {{ id }} }}");

        var error = Assert.Single(result.Errors!);
        Assert.Equal(DataErrorCodes.FilterInvalid, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(["patients"], error.Path!);
        Assert.Empty(queries);
    }

    [Theory]
    [InlineData("""{ secret: { eq: "s1" } }""")]
    [InlineData("""{ lastName: { like: "S%" } }""")]
    [InlineData("""{ level: { gt: ROUTINE } }""")]
    [InlineData("""{ active: { in: [true] } }""")]
    [InlineData("""{ appointments: { some: { id: { contains: "1" } } } }""")]
    public async Task FieldsAndOperationsNotOffered_AreValidationErrors(string where)
    {
        var result = await DataSchema.Schema.RunAsync($"{{ patients(where: {where}) {{ id }} }}");

        Assert.Equal(ErrorCodes.ValidationFailed, result.Code());
        Assert.False(result.HasData);
    }

    [Fact]
    public async Task ExplicitlyBoundFields_AreTheOnlyFilterFields()
    {
        var ok = await DataSchema.Schema.RunAsync("""{ staff(where: { lastName: { eq: "Baker" }, mrn: { lt: 6 } }) { id } }""");
        var phone = await DataSchema.Schema.RunAsync("""{ staff(where: { phone: { eq: "555-1" } }) { id } }""");
        var department = await DataSchema.Schema.RunAsync("""{ staff(where: { department: { floor: { eq: 2 } } }) { id } }""");

        Assert.Equal("2", ok.Ids("staff"));
        Assert.Equal(ErrorCodes.ValidationFailed, phone.Code());
        Assert.Contains("Field \"phone\" is not defined by type \"EmployeeFilterInput\"", phone.Errors![0].Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.ValidationFailed, department.Code());
    }

    [Fact]
    public async Task ValuesTheColumnCannotHold_AreFilterInvalid()
    {
        // Int coerces 40000, but the property is a short: reported to the client, not a server error.
        var fits = await DataSchema.Schema.RunAsync("{ patients(where: { doctor: { department: { wing: { in: [3, 4] } } } }) { id } }");
        var overflow = await DataSchema.Schema.RunAsync("{ patients(where: { doctor: { department: { wing: { eq: 40000 } } } }) { id } }");

        Assert.Equal("1,4", fits.Ids("patients"));
        Assert.Equal(DataErrorCodes.FilterInvalid, overflow.Code());
        Assert.StartsWith("The provided value for filter `eq` of type IntOperationFilterInput is invalid:", overflow.Errors![0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindingAHiddenProperty_FailsTheSchema()
    {
        var error = Assert.Throws<SchemaException>(() => new CodeFirstSchemaBuilder().AddType(typeof(DataLeakyQueries)).AddType(typeof(DataLeakyType)).Build());

        Assert.Contains("ConfigureFiltering of DataLeaky binds 'Secret'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseFiltering_OnAListOfScalars_FailsTheSchema()
    {
        var error = Assert.Throws<SchemaException>(() => new CodeFirstSchemaBuilder().AddType(typeof(DataBadQueries)).Build());

        Assert.Contains("[UseFiltering] on DataBadQueries.GetNumbers needs a list of objects", error.Message, StringComparison.Ordinal);
    }

    private static List<object?> FindHolderValues(System.Linq.Expressions.Expression expression)
    {
        var values = new List<object?>();
        new HolderCollector(values).Visit(expression);
        return values;
    }

    private sealed class HolderCollector(List<object?> values) : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitConstant(System.Linq.Expressions.ConstantExpression node)
        {
            if (node.Value is { } value && value.GetType().Name == "ValueHolder`1")
            {
                values.Add(value.GetType().GetProperty("Value")!.GetValue(value));
            }

            return node;
        }
    }
}
