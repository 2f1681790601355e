using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class NoUnusedVariablesTests
{
    [Fact]
    public void VariablesUsedInFragments_AreValid()
    {
        ExpectValid<NoUnusedVariablesRule>("""
                  query Foo($a: String, $b: String, $c: String) {
                    ...FragA
                  }
                  fragment FragA on Type {
                    field(a: $a) {
                      ...FragB
                    }
                  }
                  fragment FragB on Type {
                    field(b: $b) {
                      ...FragC
                    }
                  }
                  fragment FragC on Type {
                    field(c: $c)
                  }
            """);
    }

    [Fact]
    public void UnusedVariable_IsReported()
    {
        ExpectErrors<NoUnusedVariablesRule>(
            """
                  query ($a: String, $b: String, $c: String) {
                    field(a: $a, b: $b)
                  }
            """,
            Error("Variable \"$c\" is never used.", (2, 38)));
    }

    [Fact]
    public void VariableUsedOnlyByAnotherOperation_IsReported()
    {
        ExpectErrors<NoUnusedVariablesRule>(
            """
                  query Foo($b: String) {
                    ...FragA
                  }
                  query Bar($a: String) {
                    ...FragB
                  }
                  fragment FragA on Type {
                    field(a: $a)
                  }
                  fragment FragB on Type {
                    field(b: $b)
                  }
            """,
            Error("Variable \"$b\" is never used in operation \"Foo\".", (2, 17)),
            Error("Variable \"$a\" is never used in operation \"Bar\".", (5, 17)));
    }
}
