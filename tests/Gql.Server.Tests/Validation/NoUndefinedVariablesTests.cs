using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class NoUndefinedVariablesTests
{
    [Fact]
    public void DefinedVariables_InFragmentsAndDirectives_AreValid()
    {
        ExpectValid<NoUndefinedVariablesRule>("""
                  query Foo($a: String, $b: String, $c: String) {
                    ...FragA
                  }
                  fragment FragA on Type {
                    field(a: $a) {
                      ...FragB
                    }
                  }
                  fragment FragB on Type {
                    field(b: $b) @include(if: $c) {
                      ...FragA
                    }
                  }
            """);
    }

    [Fact]
    public void UndefinedVariable_IsReportedWithOperation()
    {
        ExpectErrors<NoUndefinedVariablesRule>(
            """
                  query Foo($a: String, $b: String, $c: String) {
                    field(a: $a, b: $b, c: $c, d: $d)
                  }
            """,
            Error("Variable \"$d\" is not defined by operation \"Foo\".", (3, 39), (2, 7)));
    }

    [Fact]
    public void UndefinedVariable_InAnonymousOperation_IsReported()
    {
        ExpectErrors<NoUndefinedVariablesRule>(
            """
                  {
                    field(a: $a)
                  }
            """,
            Error("Variable \"$a\" is not defined.", (3, 18), (2, 7)));
    }

    [Fact]
    public void FragmentUsedByTwoOperations_IsReportedForEach()
    {
        ExpectErrors<NoUndefinedVariablesRule>(
            """
                  query Foo($b: String) {
                    ...FragAB
                  }
                  query Bar($a: String) {
                    ...FragAB
                  }
                  fragment FragAB on Type {
                    field1(a: $a, b: $b)
                    ...FragC
                    field3(a: $a, b: $b)
                  }
                  fragment FragC on Type {
                    field2(c: $c)
                  }
            """,
            Error("Variable \"$a\" is not defined by operation \"Foo\".", (9, 19), (2, 7)),
            Error("Variable \"$a\" is not defined by operation \"Foo\".", (11, 19), (2, 7)),
            Error("Variable \"$c\" is not defined by operation \"Foo\".", (14, 19), (2, 7)),
            Error("Variable \"$b\" is not defined by operation \"Bar\".", (9, 26), (5, 7)),
            Error("Variable \"$b\" is not defined by operation \"Bar\".", (11, 26), (5, 7)),
            Error("Variable \"$c\" is not defined by operation \"Bar\".", (14, 19), (5, 7)));
    }

    [Fact]
    public void UndefinedVariable_InNestedValuesAndOperationDirective_IsReported()
    {
        ExpectErrors<NoUndefinedVariablesRule>(
            """
                  query Foo @dir(a: [$a]) {
                    field(b: {c: [$b]})
                  }
            """,
            Error("Variable \"$a\" is not defined by operation \"Foo\".", (2, 26), (2, 7)),
            Error("Variable \"$b\" is not defined by operation \"Foo\".", (3, 23), (2, 7)));
    }
}
