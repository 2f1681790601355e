using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class NoUnusedFragmentsTests
{
    [Fact]
    public void FragmentsUsedDirectlyOrIndirectly_AreValid()
    {
        ExpectValid<NoUnusedFragmentsRule>("""
                  {
                    human(id: 4) {
                      ...HumanFields1
                    }
                  }
                  fragment HumanFields1 on Human {
                    name
                    ...HumanFields2
                  }
                  fragment HumanFields2 on Human {
                    name
                  }
            """);
    }

    [Fact]
    public void UnusedFragments_AreReported()
    {
        ExpectErrors<NoUnusedFragmentsRule>(
            """
                  query Foo {
                    human(id: 4) {
                      ...HumanFields1
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
                  fragment Unused1 on Human {
                    name
                  }
                  fragment Unused2 on Human {
                    name
                  }
            """,
            Error("Fragment \"HumanFields2\" is never used.", (11, 7)),
            Error("Fragment \"Unused1\" is never used.", (17, 7)),
            Error("Fragment \"Unused2\" is never used.", (20, 7)));
    }

    [Fact]
    public void UnusedFragmentsReferencingEachOther_AreReported()
    {
        ExpectErrors<NoUnusedFragmentsRule>(
            """
                  query Foo {
                    human(id: 4) {
                      ...HumanFields1
                    }
                  }
                  fragment HumanFields1 on Human {
                    name
                  }
                  fragment Unused1 on Human {
                    name
                    ...Unused2
                  }
                  fragment Unused2 on Human {
                    name
                    ...Unused1
                  }
            """,
            Error("Fragment \"Unused1\" is never used.", (10, 7)),
            Error("Fragment \"Unused2\" is never used.", (14, 7)));
    }

    [Fact]
    public void UnknownSpreadInUsedFragment_DoesNotBreakTheCheck()
    {
        ExpectErrors<NoUnusedFragmentsRule>(
            """
                  query Foo {
                    human(id: 4) {
                      ...bar
                    }
                  }
                  fragment foo on Human {
                    name
                  }
            """,
            Error("Fragment \"foo\" is never used.", (7, 7)));
    }
}
