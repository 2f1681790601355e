using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class UniqueInputFieldNamesTests
{
    [Theory]
    [InlineData("{ field(arg: { f: true }) }")]
    [InlineData("{ field(arg1: { f: true }, arg2: { f: true }) }")]
    [InlineData("{ field(arg: { f1: \"value\", f2: \"value\", f3: \"value\" }) }")]
    [InlineData("{ field(arg: { deep: { deep: { id: 1 } id: 1 } id: 1 }) }")]
    public void UniqueFields_AreValid(string query)
    {
        ExpectValid<UniqueInputFieldNamesRule>(query);
    }

    [Fact]
    public void DuplicateInputFields_AreReported()
    {
        ExpectErrors<UniqueInputFieldNamesRule>(
            """
                  {
                    field(arg: { f1: "value", f1: "value", f1: "value" })
                  }
            """,
            Error("There can be only one input field named \"f1\".", (3, 22), (3, 35)),
            Error("There can be only one input field named \"f1\".", (3, 22), (3, 48)));
    }

    [Fact]
    public void NestedDuplicates_AreReported()
    {
        ExpectErrors<UniqueInputFieldNamesRule>(
            """
                  {
                    field(arg: { f1: {f2: "value", f2: "value" }})
                  }
            """,
            Error("There can be only one input field named \"f2\".", (3, 27), (3, 40)));
    }

    [Fact]
    public void DuplicatesInVariableDefault_AreReported()
    {
        ExpectErrors<UniqueInputFieldNamesRule>(
            "query ($v: ComplexInput = { requiredField: true, requiredField: false }) { complicatedArgs { complexArgField(complexArg: $v) } }",
            Error("There can be only one input field named \"requiredField\".", (2, 29), (2, 50)));
    }
}
