using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class UniqueVariableNamesTests
{
    [Fact]
    public void DistinctVariables_AreValid()
    {
        ExpectValid<UniqueVariableNamesRule>("query A($x: Int, $y: String) { __typename } query B($x: String, $y: Int) { __typename }");
    }

    [Fact]
    public void DuplicateVariables_AreReportedPerName()
    {
        ExpectErrors<UniqueVariableNamesRule>(
            """
                  query A($x: Int, $x: Int, $x: String) { __typename }
                  query B($x: String, $x: Int) { __typename }
                  query C($x: Int, $x: Int) { __typename }
            """,
            Error("There can be only one variable named \"$x\".", (2, 16), (2, 25), (2, 34)),
            Error("There can be only one variable named \"$x\".", (3, 16), (3, 28)),
            Error("There can be only one variable named \"$x\".", (4, 16), (4, 25)));
    }
}
