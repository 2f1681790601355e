using System.Linq.Expressions;
using Gql.Data;
using Gql.Server.Tests.Execution;

namespace Gql.Server.Tests.Data;

public sealed class SortingTests
{
    [Theory]
    [InlineData("[{ age: DESC }, { lastName: ASC }]", "3,2,4,1")]
    [InlineData("[{ age: ASC }, { id: DESC }]", "4,1,2,3")]
    [InlineData("[{ mrn: DESC }]", "4,3,2,1")]
    [InlineData("[{ balance: ASC }]", "2,1,4,3")]
    [InlineData("[{ weight: DESC }]", "4,2,3,1")]
    [InlineData("[{ admittedAt: DESC }]", "3,2,4,1")]
    [InlineData("[{ birthDate: ASC }]", "3,2,4,1")]
    [InlineData("[{ preferredTime: DESC }, { id: ASC }]", "3,2,1,4")]
    [InlineData("[{ externalId: DESC }]", "4,3,2,1")]
    [InlineData("[{ active: ASC }, { id: DESC }]", "2,4,3,1")]
    [InlineData("[{ level: DESC }, { id: ASC }]", "3,2,1,4")]
    [InlineData("[{ room: ASC }, { id: ASC }]", "2,1,4,3")]
    [InlineData("[{ triage: DESC }]", "3,1,4,2")]
    [InlineData("[{ firstName: ASC }]", "2,1,3,4")]
    // Nested objects, through nullable navigations: a missing object sorts as null.
    [InlineData("[{ doctor: { lastName: ASC } }, { id: DESC }]", "3,2,4,1")]
    [InlineData("[{ doctor: { department: { floor: DESC } } }, { id: ASC }]", "1,4,2,3")]
    [InlineData("[{ doctor: { department: { name: ASC } } }, { doctor: { id: DESC } }, { id: ASC }]", "2,3,1,4")]
    // One item may be given without the list brackets (input coercion).
    [InlineData("{ mrn: DESC }", "4,3,2,1")]
    [InlineData("[]", "1,2,3,4")]
    public async Task Order_AppliesKeysInTheGivenOrder_InTranslatableExpressions(string order, string expected)
    {
        var (result, queries) = await DataSchema.RunCapturedAsync($"{{ patients(order: {order}) {{ id }} }}");

        Assert.Equal(expected, result.Ids("patients"));
        TranslatabilityChecker.Check(Assert.Single(queries).Expression);
    }

    [Fact]
    public async Task Order_ProducesStandardQueryableOrderByThenByCalls()
    {
        var (_, queries) = await DataSchema.RunCapturedAsync("{ patients(order: [{ lastName: DESC }, { doctor: { lastName: ASC } }, { id: ASC }]) { id } }");

        var query = Assert.Single(queries);
        Assert.True(QueryOrdering.IsOrdered(query));
        var calls = Calls(query.Expression);
        Assert.Equal(["ThenBy", "ThenBy", "OrderByDescending"], calls.Select(c => c.Method.Name));
        Assert.All(calls, c => Assert.Equal(typeof(Queryable), c.Method.DeclaringType));
        var keys = QueryOrdering.GetOrdering(query);
        Assert.Equal(["x => x.LastName", "x => IIF((x.Doctor == null), null, x.Doctor.LastName)", "x => x.Id"], keys.Select(k => k.Key.ToString()));
        Assert.Equal([true, false, false], keys.Select(k => k.Descending));
    }

    [Fact]
    public async Task Order_KeySelectorsAreBuiltOncePerPath()
    {
        var (_, first) = await DataSchema.RunCapturedAsync("{ patients(order: [{ doctor: { department: { floor: ASC } } }]) { id } }");
        var (_, second) = await DataSchema.RunCapturedAsync("{ patients(order: [{ doctor: { department: { floor: DESC } } }]) { id } }");

        Assert.Same(QueryOrdering.GetOrdering(first[0])[0].Key, QueryOrdering.GetOrdering(second[0])[0].Key);
    }

    [Fact]
    public async Task NoOrder_KeepsTheResolversOrdering_AndPagingAppendsItsTieBreaker()
    {
        var (absent, absentQueries) = await DataSchema.RunCapturedAsync("{ patientsByAgeDesc { id } }");
        var (empty, _) = await DataSchema.RunCapturedAsync("{ patientsByAgeDesc(order: []) { id } }");

        Assert.Equal("3,2,1,4", absent.Ids("patientsByAgeDesc"));
        Assert.Equal("3,2,1,4", empty.Ids("patientsByAgeDesc"));
        Assert.Equal(["p => p.Age", "p => p.Id"], QueryOrdering.GetOrdering(absentQueries[0]).Select(k => k.Key.ToString()));
    }

    [Fact]
    public async Task ClientOrder_ReplacesTheResolversOrdering()
    {
        var (result, queries) = await DataSchema.RunCapturedAsync("{ patientsByAgeDesc(order: [{ lastName: DESC }]) { id } }");

        Assert.Equal("3,1,4,2", result.Ids("patientsByAgeDesc"));
        Assert.Equal(["x => x.LastName", "p => p.Id"], QueryOrdering.GetOrdering(queries[0]).Select(k => k.Key.ToString()));
    }

    [Fact]
    public async Task FilteringSortingAndPaging_Compose_WhereGoesBeneathTheOrdering()
    {
        var (result, queries) = await DataSchema.RunCapturedAsync("{ patientsByAgeDesc(where: { age: { lt: 50 } }, order: [{ age: ASC }]) { id } }");

        Assert.Equal("1,4,2", result.Ids("patientsByAgeDesc"));
        var query = queries[0];
        TranslatabilityChecker.Check(query.Expression);

        // ThenBy(Id) [paging] <- OrderBy(Age) [sorting] <- OrderByDescending(Age) [resolver] <- Where [filtering] <- source
        Assert.Equal(["ThenBy", "OrderBy", "OrderByDescending", "Where"], Calls(query.Expression).Select(c => c.Method.Name));
        Assert.Equal(["x => x.Age", "p => p.Id"], QueryOrdering.GetOrdering(query).Select(k => k.Key.ToString()));
    }

    [Fact]
    public async Task Filtering_OfAnOrderedResolver_KeepsItOrderedAtTheTop()
    {
        var (result, queries) = await DataSchema.RunCapturedAsync("{ patientsByAgeDesc(where: { age: { lt: 50 } }) { id } }");

        Assert.Equal("2,1,4", result.Ids("patientsByAgeDesc"));
        Assert.Equal(["ThenBy", "OrderByDescending", "Where"], Calls(queries[0].Expression).Select(c => c.Method.Name));
    }

    [Fact]
    public async Task Order_FromVariables_AndOnEnumerablesAndAsyncResolvers()
    {
        var variables = await DataSchema.Schema.RunAsync("query ($order: [PatientSortInput!]) { patients(order: $order) { id } }", new { order = new object[] { new { level = "DESC" }, new { id = "DESC" } } });
        var list = await DataSchema.Schema.RunAsync("{ patientList(order: [{ lastName: ASC }], where: { active: { eq: true } }) { id } }");
        var later = await DataSchema.Schema.RunAsync("{ patientsLater(order: [{ age: DESC }, { id: DESC }]) { id } }");

        Assert.Equal("3,2,4,1", variables.Ids("patients"));
        Assert.Equal("4,1,3", list.Ids("patientList"));
        Assert.Equal("3,2,4,1", later.Ids("patientsLater"));
    }

    [Fact]
    public async Task SortConfiguration_IgnoresFields_AndObjectTypeIgnoresApply()
    {
        var ok = await DataSchema.Schema.RunAsync("{ staff(order: [{ department: { name: ASC } }, { lastName: DESC }]) { id } }");
        var phone = await DataSchema.Schema.RunAsync("{ staff(order: [{ phone: ASC }]) { id } }");
        var secret = await DataSchema.Schema.RunAsync("{ staff(order: [{ secret: ASC }]) { id } }");

        Assert.Equal("2,1", ok.Ids("staff"));
        Assert.Equal(ErrorCodes.ValidationFailed, phone.Code());
        Assert.Equal(ErrorCodes.ValidationFailed, secret.Code());
    }

    [Theory]
    [InlineData("[{ age: ASC, id: DESC }]", "Sort item 0 of type PatientSortInput sets 2 fields (id, age); set exactly one field per item and list them in priority order, e.g. order: [{ a: ASC }, { b: DESC }].")]
    [InlineData("[{ id: ASC }, { }]", "Sort item 1 of type PatientSortInput sets no field; set exactly one, e.g. order: [{ id: ASC }].")]
    [InlineData("[{ age: null }]", "Sort item 0 of type PatientSortInput sets no field; set exactly one, e.g. order: [{ id: ASC }].")]
    [InlineData("[{ doctor: { lastName: ASC, id: ASC } }]", "Sort item 0 of type DoctorSortInput sets 2 fields (id, lastName); set exactly one field per item and list them in priority order, e.g. order: [{ a: ASC }, { b: DESC }].")]
    [InlineData("[{ doctor: { } }]", "Sort item 0 of type DoctorSortInput sets no field; set exactly one, e.g. order: [{ id: ASC }].")]
    public async Task InvalidOrder_FailsTheFieldWithSortInvalid(string order, string message)
    {
        var (result, queries) = await DataSchema.RunCapturedAsync($"{{ patients(order: {order}) {{ id }} }}");

        var error = Assert.Single(result.Errors!);
        Assert.Equal(DataErrorCodes.SortInvalid, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Empty(queries);
    }

    [Theory]
    [InlineData("[{ appointments: ASC }]")]
    [InlineData("[{ tags: ASC }]")]
    [InlineData("[{ age: UP }]")]
    [InlineData("[null]")]
    public async Task CollectionsAndUnknownValues_AreValidationErrors(string order)
    {
        var result = await DataSchema.Schema.RunAsync($"{{ patients(order: {order}) {{ id }} }}");

        Assert.Equal(ErrorCodes.ValidationFailed, result.Code());
    }

    private static List<MethodCallExpression> Calls(Expression expression)
    {
        var calls = new List<MethodCallExpression>();
        while (expression is MethodCallExpression call)
        {
            calls.Add(call);
            expression = call.Arguments[0];
        }

        return calls;
    }
}
