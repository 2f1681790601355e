using Gql.Server.Execution;
using Gql.Server.Tests.Execution;

namespace Gql.Server.Tests.CodeFirst;

public class ShelfException(string message) : Exception(message);

[GraphQLDescription("The shelf holds no more books.")]
public sealed class ShelfFullException(int capacity) : ShelfException($"The shelf holds {capacity} books at most.")
{
    public int Capacity { get; } = capacity;
}

public sealed class UnknownBookException(string title) : Exception($"No book is called {title}.");

public sealed class ConflictException(string message) : Exception(message);

/// <summary>An error class that stands for two exceptions, one through its constructor and one through a factory.</summary>
public sealed class ShelfError
{
    public ShelfError(ShelfException exception)
    {
        Message = exception.Message;
        Code = "SHELF";
    }

    private ShelfError(string message, string code)
    {
        Message = message;
        Code = code;
    }

    public string Message { get; }

    public string Code { get; }

    public static ShelfError CreateErrorFrom(ConflictException exception) => new(exception.Message, "CONFLICT");
}

public sealed class MessagelessError(UnknownBookException exception)
{
    public string Title { get; } = exception.Message;
}

public sealed record Book(string Title, int Shelf);

[QueryType]
public static class LibraryQueries
{
    public static int Books() => 0;
}

[MutationType]
public static class LibraryMutations
{
    [Error<ShelfFullException>]
    [Error<UnknownBookException>]
    [Error<ShelfError>]
    public static async Task<Book> ShelveBookAsync(string title, int shelf = 1, bool failOthers = false)
    {
        await Task.Yield();
        return title switch
        {
            "overflow" => throw new ShelfFullException(3),
            "damp" => throw new ShelfException("The shelf is damp."),
            "taken" => throw new ConflictException("Someone else shelved it."),
            "unknown" => throw new UnknownBookException(title),
            "several" => throw new AggregateException(new ShelfFullException(3), new UnknownBookException(title)),
            "mixed" => throw new AggregateException(new ShelfFullException(3), new InvalidOperationException("secret")),
            "bug" => throw new InvalidOperationException("secret connection string"),
            _ when failOthers => throw new ConflictException("busy"),
            _ => new Book(title, shelf),
        };
    }

    public static Book TidyUp() => new("tidy", 0);

    [UseMutationConvention(Disable = true)]
    public static Book Legacy(string title) => new(title, 0);

    [UseMutationConvention(PayloadFieldName = "shelved")]
    public static Book Quick(string title) => new(title, 9);
}

/// <summary>A result already named like the payload: used as the payload, as Hot Chocolate does.</summary>
public sealed record BorrowBookPayload(string Ticket, int DaysLeft);

[MutationType]
public static class BorrowMutations
{
    [Error<UnknownBookException>]
    public static BorrowBookPayload BorrowBook(string title) =>
        title == "unknown" ? throw new UnknownBookException(title) : new BorrowBookPayload("T-" + title, 21);
}

[MutationType]
public static class UnconventionalMutations
{
    [Error<ShelfFullException>]
    public static Book Shelve(string title) => new(title, 1);
}

[MutationType]
public static class MessagelessMutations
{
    [Error<MessagelessError>]
    public static Book Find(string title) => new(title, 1);
}

public sealed class MutationConventionTests
{
    private static Schema Build(MutationConventionOptions? options = null) => new CodeFirstSchemaBuilder()
        .AddType(typeof(LibraryQueries))
        .AddType(typeof(LibraryMutations))
        .AddMutationConventions(options)
        .Build();

    [Fact]
    public void Schema_HasInputPayloadAndErrorUnion()
    {
        var sdl = SchemaPrinter.Print(Build());

        Assert.Contains("shelveBook(input: ShelveBookInput!): ShelveBookPayload!", sdl);
        Assert.Contains("input ShelveBookInput {\n  title: String!\n  shelf: Int! = 1\n  failOthers: Boolean! = false\n}", sdl);
        Assert.Contains("type ShelveBookPayload {", sdl);
        Assert.Contains("  book: Book\n", sdl);
        Assert.Contains("  errors: [ShelveBookError!]\n", sdl);
        Assert.Contains("union ShelveBookError = ShelfError | ShelfFullError | UnknownBookError", sdl);
        Assert.Contains("interface Error {", sdl);
        Assert.Contains("type ShelfFullError implements Error {", sdl);
        Assert.Contains("  capacity: Int!\n", sdl);
        Assert.Contains("type UnknownBookError implements Error {\n  \"\"\"What went wrong, in words for the user.\"\"\"\n  message: String!\n}", sdl);
        Assert.Contains("type ShelfError implements Error {", sdl);

        // No arguments, no input; disabled, as declared; a chosen name for the result.
        Assert.Contains("tidyUp: TidyUpPayload!", sdl);
        Assert.DoesNotContain("TidyUpError", sdl);
        Assert.Contains("legacy(title: String!): Book!", sdl);
        Assert.Contains("type QuickPayload {", sdl);
        Assert.Contains("  shelved: Book\n", sdl);
    }

    [Fact]
    public async Task AResultNamedLikeThePayload_IsThePayload_WithNullableFieldsAndErrors()
    {
        var schema = new CodeFirstSchemaBuilder().AddType(typeof(LibraryQueries)).AddType(typeof(BorrowMutations)).AddMutationConventions().Build();

        var sdl = SchemaPrinter.Print(schema);
        var borrowed = await schema.RunAsync("""mutation { borrowBook(input: { title: "Dune" }) { ticket daysLeft errors { __typename } } }""");
        var refused = await schema.RunAsync("""mutation { borrowBook(input: { title: "unknown" }) { ticket daysLeft errors { __typename ... on Error { message } } } }""");

        Assert.Contains("borrowBook(input: BorrowBookInput!): BorrowBookPayload!", sdl);
        Assert.Contains("type BorrowBookPayload {\n  ticket: String\n  daysLeft: Int\n  \"\"\"Why the change was refused; null when it was made.\"\"\"\n  errors: [BorrowBookError!]\n}", sdl);
        Assert.DoesNotContain("borrowBookPayload", sdl);
        Assert.Null(borrowed.Errors);
        Assert.Equal("""{"borrowBook":{"ticket":"T-Dune","daysLeft":21,"errors":null}}""", borrowed.DataJson());
        Assert.Null(refused.Errors);
        Assert.Equal("""{"borrowBook":{"ticket":null,"daysLeft":null,"errors":[{"__typename":"UnknownBookError","message":"No book is called unknown."}]}}""", refused.DataJson());
    }

    [Fact]
    public async Task Success_ReturnsTheResultAndNoErrors()
    {
        var result = await Build().RunAsync("""mutation { shelveBook(input: { title: "Dune", shelf: 2 }) { book { title shelf } errors { __typename } } tidyUp { book { title } } }""");

        Assert.Null(result.Errors);
        Assert.Equal("""{"shelveBook":{"book":{"title":"Dune","shelf":2},"errors":null},"tidyUp":{"book":{"title":"tidy"}}}""", result.DataJson());
    }

    [Fact]
    public async Task InputAsOneVariable_IsTheArguments()
    {
        var result = await Build().RunAsync("mutation ($input: ShelveBookInput!) { shelveBook(input: $input) { book { title shelf } } }", new { input = new { title = "Emma" } });

        Assert.Null(result.Errors);
        Assert.Equal("""{"shelveBook":{"book":{"title":"Emma","shelf":1}}}""", result.DataJson());
    }

    [Theory]
    [InlineData("overflow", """[{"__typename":"ShelfFullError","message":"The shelf holds 3 books at most.","capacity":3}]""")]
    [InlineData("unknown", """[{"__typename":"UnknownBookError","message":"No book is called unknown."}]""")]
    [InlineData("damp", """[{"__typename":"ShelfError","message":"The shelf is damp.","code":"SHELF"}]""")]
    [InlineData("taken", """[{"__typename":"ShelfError","message":"Someone else shelved it.","code":"CONFLICT"}]""")]
    [InlineData("several", """[{"__typename":"ShelfFullError","message":"The shelf holds 3 books at most.","capacity":3},{"__typename":"UnknownBookError","message":"No book is called several."}]""")]
    public async Task DeclaredExceptions_BecomeTypedErrors(string title, string errors)
    {
        var result = await Build().RunAsync(
            "mutation ($title: String!) { shelveBook(input: { title: $title }) { book { title } errors { __typename ... on Error { message } ... on ShelfFullError { capacity } ... on ShelfError { code } } } }",
            new { title });

        Assert.Null(result.Errors);
        Assert.Equal("""{"shelveBook":{"book":null,"errors":""" + errors + "}}", result.DataJson());
    }

    [Theory]
    [InlineData("bug")]
    [InlineData("mixed")]
    public async Task UndeclaredExceptions_StayMaskedGraphQLErrors(string title)
    {
        var result = await Build().RunAsync("mutation ($title: String!) { shelveBook(input: { title: $title }) { book { title } errors { __typename } } }", new { title });

        Assert.Equal("null", result.DataJson());
        var error = Assert.Single(result.Errors!);
        Assert.Equal(["shelveBook"], error.Path!);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMostDerivedMappingWins()
    {
        // ShelfFullException derives from ShelfException (mapped to ShelfError): the exception's own error type wins.
        var result = await Build().RunAsync("""mutation { shelveBook(input: { title: "overflow" }) { errors { __typename } } }""");

        Assert.Equal("""{"shelveBook":{"errors":[{"__typename":"ShelfFullError"}]}}""", result.DataJson());
    }

    [Fact]
    public void OtherNames_FollowTheOptions()
    {
        var sdl = SchemaPrinter.Print(Build(new MutationConventionOptions
        {
            InputArgumentName = "data",
            InputTypeNamePattern = "{MutationName}Data",
            PayloadTypeNamePattern = "{MutationName}Result",
            PayloadErrorTypeNamePattern = "{MutationName}Problem",
            PayloadErrorsFieldName = "problems",
        }));

        Assert.Contains("shelveBook(data: ShelveBookData!): ShelveBookResult!", sdl);
        Assert.Contains("  problems: [ShelveBookProblem!]\n", sdl);
    }

    [Fact]
    public void ErrorsWithoutTheConventions_AreRefused()
    {
        var error = Assert.Throws<SchemaException>(() => new CodeFirstSchemaBuilder().AddType(typeof(LibraryQueries)).AddType(typeof(UnconventionalMutations)).Build());

        Assert.Contains("AddMutationConventions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorClassesWithoutAMessage_AreRefused()
    {
        var error = Assert.Throws<SchemaException>(() => new CodeFirstSchemaBuilder().AddType(typeof(LibraryQueries)).AddType(typeof(MessagelessMutations)).AddMutationConventions().Build());

        Assert.Contains("MessagelessError needs a non-null string Message property", error.Message, StringComparison.Ordinal);
    }
}
