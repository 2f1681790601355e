using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class KnownFragmentNamesTests
{
    [Fact]
    public void KnownFragments_AreValid()
    {
        ExpectValid<KnownFragmentNamesRule>("""
                  {
                    human(id: 4) {
                      ...HumanFields1
                      ... on Human {
                        ...HumanFields2
                      }
                    }
                  }
                  fragment HumanFields1 on Human {
                    name
                    ...HumanFields3
                  }
                  fragment HumanFields2 on Human {
                    name
                  }
                  fragment HumanFields3 on Human {
                    name
                  }
            """);
    }

    [Fact]
    public void UnknownFragments_AreReportedAtTheirNames()
    {
        ExpectErrors<KnownFragmentNamesRule>(
            """
                  {
                    human(id: 4) {
                      ...UnknownFragment1
                      ... on Human {
                        ...UnknownFragment2
                      }
                    }
                  }
                  fragment HumanFields on Human {
                    name
                    ...UnknownFragment3
                  }
            """,
            Error("Unknown fragment \"UnknownFragment1\".", (4, 14)),
            Error("Unknown fragment \"UnknownFragment2\".", (6, 16)),
            Error("Unknown fragment \"UnknownFragment3\".", (12, 12)));
    }
}
