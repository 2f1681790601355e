using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class UniqueFragmentNamesTests
{
    [Theory]
    [InlineData("{ ...fragA ...fragB ... on Type { fieldC } } fragment fragA on Type { fieldA } fragment fragB on Type { fieldB }")]
    [InlineData("{ ...fragA } fragment fragA on Type { fieldA }")]
    [InlineData("query Foo { ...Foo } fragment Foo on Type { field }")]
    public void DistinctFragments_AreValid(string query)
    {
        ExpectValid<UniqueFragmentNamesRule>(query);
    }

    [Fact]
    public void FragmentsOfSameName_AreReported()
    {
        ExpectErrors<UniqueFragmentNamesRule>(
            """
                  {
                    ...fragA
                  }
                  fragment fragA on Type {
                    fieldA
                  }
                  fragment fragA on Type {
                    fieldB
                  }
            """,
            Error("There can be only one fragment named \"fragA\".", (5, 16), (8, 16)));
    }
}
