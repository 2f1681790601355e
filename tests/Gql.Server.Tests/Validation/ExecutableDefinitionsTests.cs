using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class ExecutableDefinitionsTests
{
    [Fact]
    public void OnlyOperation_IsValid()
    {
        ExpectValid<ExecutableDefinitionsRule>("""
                  query Foo {
                    dog {
                      name
                    }
                  }
            """);
    }

    [Fact]
    public void OperationAndFragment_IsValid()
    {
        ExpectValid<ExecutableDefinitionsRule>("""
                  query Foo {
                    dog {
                      name
                      ...Frag
                    }
                  }

                  fragment Frag on Dog {
                    name
                  }
            """);
    }

    [Fact]
    public void TypeDefinitions_AreReportedByName()
    {
        ExpectErrors<ExecutableDefinitionsRule>(
            """
                  query Foo {
                    dog {
                      name
                    }
                  }

                  type Cow {
                    name: String
                  }

                  extend type Dog {
                    color: String
                  }
            """,
            Error("The \"Cow\" definition is not executable.", (8, 7)),
            Error("The \"Dog\" definition is not executable.", (12, 7)));
    }

    [Fact]
    public void SchemaDefinitions_AreReportedAsSchema()
    {
        ExpectErrors<ExecutableDefinitionsRule>(
            """
                  schema {
                    query: Query
                  }

                  type Query {
                    test: String
                  }

                  extend schema @directive
            """,
            Error("The schema definition is not executable.", (2, 7)),
            Error("The \"Query\" definition is not executable.", (6, 7)),
            Error("The schema definition is not executable.", (10, 7)));
    }
}
