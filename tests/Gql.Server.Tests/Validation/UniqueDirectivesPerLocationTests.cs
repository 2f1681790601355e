using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class UniqueDirectivesPerLocationTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl(TestSchemaSdl + """

        directive @directive on FIELD | FRAGMENT_DEFINITION
        directive @directiveA on FIELD | FRAGMENT_DEFINITION
        directive @directiveB on FIELD | FRAGMENT_DEFINITION
        directive @repeatable repeatable on FIELD | FRAGMENT_DEFINITION
        """);

    [Theory]
    [InlineData("fragment Test on Type { field }")]
    [InlineData("fragment Test on Type { field @directive }")]
    [InlineData("fragment Test on Type @directive { field @directive }")]
    [InlineData("fragment Test on Type { field @directiveA @directiveB }")]
    [InlineData("fragment Test on Type { field @directive field @directive }")]
    [InlineData("fragment Test on Type { field @directive { field @directive } }")]
    [InlineData("fragment Test on Type @repeatable @repeatable { field @repeatable @repeatable }")]
    [InlineData("fragment Test on Type { field @unknown @unknown }")]
    public void UniqueOrRepeatableDirectives_AreValid(string query)
    {
        ExpectValid<UniqueDirectivesPerLocationRule>(query, Schema);
    }

    [Fact]
    public void DuplicateDirective_IsReported()
    {
        ExpectErrorsWithSchema<UniqueDirectivesPerLocationRule>(
            Schema,
            """
                  fragment Test on Type {
                    field @directive @directive
                  }
            """,
            Error("The directive \"@directive\" can only be used once at this location.", (3, 15), (3, 26)));
    }

    [Fact]
    public void ManyDuplicates_AreEachReportedAgainstTheFirst()
    {
        ExpectErrorsWithSchema<UniqueDirectivesPerLocationRule>(
            Schema,
            """
                  fragment Test on Type {
                    field @directive @directive @directive
                  }
            """,
            Error("The directive \"@directive\" can only be used once at this location.", (3, 15), (3, 26)),
            Error("The directive \"@directive\" can only be used once at this location.", (3, 15), (3, 37)));
    }

    [Fact]
    public void DuplicatesOnFragmentDefinitionAndField_AreReported()
    {
        ExpectErrorsWithSchema<UniqueDirectivesPerLocationRule>(
            Schema,
            """
                  fragment Test on Type @directive @directive {
                    field @directive @directive
                  }
            """,
            Error("The directive \"@directive\" can only be used once at this location.", (2, 29), (2, 40)),
            Error("The directive \"@directive\" can only be used once at this location.", (3, 15), (3, 26)));
    }

    [Fact]
    public void BuiltInSkip_UsedTwice_IsReported()
    {
        ExpectErrorsWithSchema<UniqueDirectivesPerLocationRule>(
            Schema,
            "{ dog @skip(if: true) @skip(if: false) { name } }",
            Error("The directive \"@skip\" can only be used once at this location.", (2, 7), (2, 23)));
    }
}
