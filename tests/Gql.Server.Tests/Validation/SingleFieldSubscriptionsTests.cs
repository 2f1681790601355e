using Gql.Server.Validation;
using static Gql.Server.Tests.Validation.ValidationHarness;

namespace Gql.Server.Tests.Validation;

public sealed class SingleFieldSubscriptionsTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        type Message {
          body: String
          sender: String
        }

        type SubscriptionRoot {
          importantEmails: [String]
          notImportantEmails: [String]
          moreImportantEmails: [String]
          spamEmails: [String]
          deletedEmails: [String]
          newMessage: Message
        }

        type QueryRoot {
          dummy: String
        }

        schema {
          query: QueryRoot
          subscription: SubscriptionRoot
        }
        """);

    [Fact]
    public void SingleField_IsValid()
    {
        ExpectValid<SingleFieldSubscriptionsRule>("subscription ImportantEmails { importantEmails }", Schema);
    }

    [Fact]
    public void FieldAndFragmentWithSameField_IsValid()
    {
        ExpectValid<SingleFieldSubscriptionsRule>(
            """
                  subscription sub {
                    newMessage {
                      body
                    }
                    ...newMessageFields
                  }

                  fragment newMessageFields on SubscriptionRoot {
                    newMessage {
                      body
                      sender
                    }
                  }
            """,
            Schema);
    }

    [Fact]
    public void TwoRootFields_AreReported()
    {
        ExpectErrorsWithSchema<SingleFieldSubscriptionsRule>(
            Schema,
            """
                  subscription ImportantEmails {
                    importantEmails
                    notImportantEmails
                  }
            """,
            Error("Subscription \"ImportantEmails\" must select only one top level field.", (4, 9)));
    }

    [Fact]
    public void IntrospectionRootField_IsReportedWithTheExtraField()
    {
        ExpectErrorsWithSchema<SingleFieldSubscriptionsRule>(
            Schema,
            """
                  subscription ImportantEmails {
                    importantEmails
                    __typename
                  }
            """,
            Error("Subscription \"ImportantEmails\" must select only one top level field.", (4, 9)),
            Error("Subscription \"ImportantEmails\" must not select an introspection top level field.", (4, 9)));
    }

    [Fact]
    public void ManyRootFieldsThroughFragments_AreReportedAnonymously()
    {
        ExpectErrorsWithSchema<SingleFieldSubscriptionsRule>(
            Schema,
            """
                  subscription {
                    importantEmails
                    ... {
                      more: moreImportantEmails
                      ...NotImportantEmails
                    }
                    ...NotImportantEmails
                  }
                  fragment NotImportantEmails on SubscriptionRoot {
                    notImportantEmails
                    deleted: deletedEmails
                    ... {
                      ... {
                        archivedEmails
                      }
                    }
                    ...SpamEmails
                  }
                  fragment SpamEmails on SubscriptionRoot {
                    spamEmails
                    ...NonExistentFragment
                  }
            """,
            Error("Anonymous Subscription must select only one top level field.", (5, 11), (11, 9), (12, 9), (15, 13), (21, 9)));
    }

    [Fact]
    public void RecursiveFragments_DoNotLoop()
    {
        ExpectValid<SingleFieldSubscriptionsRule>(
            """
                  subscription NoInfiniteLoop {
                    ...A
                  }
                  fragment A on SubscriptionRoot {
                    ...A
                  }
            """,
            Schema);
    }

    [Fact]
    public void IntrospectionField_AloneInAnonymousSubscription_IsReported()
    {
        ExpectErrorsWithSchema<SingleFieldSubscriptionsRule>(
            Schema,
            """
                  subscription {
                    __typename
                  }
            """,
            Error("Anonymous Subscription must not select an introspection top level field.", (3, 9)));
    }

    [Fact]
    public void SkipOrIncludeAtTopLevel_IsReported()
    {
        ExpectErrorsWithSchema<SingleFieldSubscriptionsRule>(
            Schema,
            """
                  subscription RequiredRuntimeValidation($bool: Boolean!) {
                    newMessage @include(if: $bool) {
                      body
                      sender
                    }
                    disallowedSecondRootField @skip(if: $bool)
                  }
            """,
            Error("Subscription \"RequiredRuntimeValidation\" must not use `@skip` or `@include` directives in the top level selection.", (3, 20), (7, 35)));
    }

    [Fact]
    public void SkipBelowTopLevel_IsValid()
    {
        ExpectValid<SingleFieldSubscriptionsRule>("subscription S($b: Boolean!) { newMessage { body @skip(if: $b) } }", Schema);
    }

    [Fact]
    public void SchemaWithoutSubscriptionType_IsNotChecked()
    {
        var schema = SchemaBuilder.FromSdl("type Query { dummy: String }");
        ExpectValid<SingleFieldSubscriptionsRule>("subscription { __typename }", schema);
    }
}
