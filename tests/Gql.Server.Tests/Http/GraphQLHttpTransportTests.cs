using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gql.Server.Tests.Http;

/// <summary>GraphQL over HTTP against a real Kestrel server and the real executor: methods, media types, status codes.</summary>
public sealed class GraphQLHttpTransportTests(GraphQLHttpServerFixture fixture) : IClassFixture<GraphQLHttpServerFixture>
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Post_without_accept_answers_graphql_response_json()
    {
        using var response = await Host.PostQueryAsync("{ hello }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", await response.TextAsync());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData("application/json", Json)]
    [InlineData("application/graphql-response+json", GraphQLResponse)]
    [InlineData("*/*", GraphQLResponse)]
    [InlineData("application/*", GraphQLResponse)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponse)]
    [InlineData("application/json, application/graphql-response+json", Json)]
    [InlineData("application/json;q=0.5, application/graphql-response+json;q=0.8", GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0, application/json", Json)]
    [InlineData("text/html, application/json;q=0.9", Json)]
    [InlineData("application/json; charset=utf-8", Json)]
    public async Task Accept_header_selects_the_response_media_type(string accept, string expected)
    {
        using var response = await Host.PostQueryAsync("{ hello }", accept: accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.MediaType());
        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml, text/html")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    public async Task Unsatisfiable_accept_header_is_406(string accept)
    {
        using var response = await Host.PostQueryAsync("{ hello }", accept: accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("NOT_ACCEPTABLE", (await response.JsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Get_executes_queries_with_variables_from_the_query_string()
    {
        var variables = Uri.EscapeDataString("""{"a":40,"b":2}""");
        var query = Uri.EscapeDataString("query Sum($a: Int!, $b: Int!) { add(a: $a, b: $b) }");
        using var response = await Host.GetAsync($"/graphql?query={query}&variables={variables}&operationName=Sum", GraphQLResponse);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"add":42}}""", await response.TextAsync());
    }

    [Fact]
    public async Task Get_treats_empty_optional_parameters_as_absent()
    {
        using var response = await Host.GetAsync($"/graphql?query={Uri.EscapeDataString("{ hello }")}&variables=&operationName=&extensions=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", await response.TextAsync());
    }

    [Theory]
    [InlineData(GraphQLResponse)]
    [InlineData(Json)]
    public async Task Mutation_over_get_is_405_with_allow_post(string accept)
    {
        using var response = await Host.GetAsync($"/graphql?query={Uri.EscapeDataString("mutation { admit(name: \"Grace\") { id } }")}", accept);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        var body = await response.JsonAsync();
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal("OPERATION_NOT_ALLOWED", body.FirstErrorCode());
    }

    [Fact]
    public async Task Mutation_over_post_executes()
    {
        using var response = await Host.PostQueryAsync("mutation { admit(name: \"Grace\") { id name } }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"admit":{"id":"3","name":"Grace"}}}""", await response.TextAsync());
    }

    [Fact]
    public async Task Get_is_refused_when_switched_off()
    {
        using var response = await Host.GetAsync($"/postonly?query={Uri.EscapeDataString("{ hello }")}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Other_methods_are_405_with_allow()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("""{"query":"{ hello }"}""", Encoding.UTF8, "application/json") };
        using var response = await Host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData(GraphQLResponse)]
    [InlineData(Json)]
    public async Task Malformed_json_is_400(string accept)
    {
        using var response = await Host.PostAsync("/graphql", """{ "query": "{ hello }" """, accept);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(accept, response.MediaType());
        var body = await response.JsonAsync();
        Assert.Equal("BAD_REQUEST", body.FirstErrorCode());
        Assert.StartsWith("The request body is not valid JSON", body.FirstErrorMessage(), StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("""{"notquery":"{ hello }"}""", "The request has no \"query\" parameter.")]
    [InlineData("""{"query":null}""", "The request has no \"query\" parameter.")]
    [InlineData("""{"query":{"obj":"ect"}}""", "The \"query\" parameter must be a string, but it is an object.")]
    [InlineData("""{"query":0}""", "The \"query\" parameter must be a string, but it is a number.")]
    [InlineData("""{"query":false}""", "The \"query\" parameter must be a string, but it is a boolean.")]
    [InlineData("""{"query":["array"]}""", "The \"query\" parameter must be a string, but it is an array.")]
    [InlineData("""{"query":"{ hello }","operationName":1}""", "The \"operationName\" parameter must be a string, but it is a number.")]
    [InlineData("""{"query":"{ hello }","variables":"string"}""", "The \"variables\" parameter must be an object (map), but it is a string.")]
    [InlineData("""{"query":"{ hello }","variables":[1]}""", "The \"variables\" parameter must be an object (map), but it is an array.")]
    [InlineData("""{"query":"{ hello }","extensions":false}""", "The \"extensions\" parameter must be an object (map), but it is a boolean.")]
    [InlineData("""["{ hello }"]""", "A GraphQL request must be a JSON object.")]
    [InlineData("""{"query":"{ hello }","query":"{ hello }"}""", "The \"query\" parameter appears more than once.")]
    public async Task Malformed_request_shapes_are_400_with_a_precise_message(string body, string message)
    {
        foreach (var accept in new[] { GraphQLResponse, Json })
        {
            using var response = await Host.PostAsync("/graphql", body, accept);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var json = await response.JsonAsync();
            Assert.Equal(message, json.FirstErrorMessage());
            Assert.Equal("BAD_REQUEST", json.FirstErrorCode());
        }
    }

    [Fact]
    public async Task Empty_body_is_400()
    {
        using var response = await Host.PostAsync("/graphql", string.Empty);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The request body is empty.", (await response.JsonAsync()).FirstErrorMessage());
    }

    [Fact]
    public async Task Null_optional_parameters_and_unknown_properties_are_ignored()
    {
        using var response = await Host.PostAsync("/graphql", """{"query":"{ hello }","operationName":null,"variables":null,"extensions":null,"future":{"x":[1,2]}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", await response.TextAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task Unsupported_content_type_is_415(string? contentType)
    {
        using var response = await Host.PostAsync("/graphql", """{"query":"{ hello }"}""", contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", (await response.JsonAsync()).FirstErrorCode());
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("Application/JSON")]
    public async Task Utf8_json_content_types_are_accepted(string contentType)
    {
        using var response = await Host.PostAsync("/graphql", """{"query":"{ echo(value: \"Run🏃Swim🏊 Zoë\") }"}""", contentType: contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Run🏃Swim🏊 Zoë", (await response.JsonAsync()).GetProperty("data").GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Body_over_the_limit_is_413()
    {
        var query = "{ hello " + new string(' ', 300) + "}";
        using var response = await Host.PostQueryAsync(query, path: "/small");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("REQUEST_TOO_LARGE", (await response.JsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_413()
    {
        // No Content-Length: the limit is enforced while reading.
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query = "{ hello " + new string(' ', 1000) + "}" }));
        using var content = new StreamContent(new NoLengthStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Host.Client.PostAsync("/small", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Body_under_the_limit_is_accepted()
    {
        using var response = await Host.PostQueryAsync("{ hello }", path: "/small");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Syntax_error_status_depends_on_the_media_type(string accept, HttpStatusCode expected)
    {
        using var response = await Host.PostQueryAsync("{", accept: accept);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(accept, response.MediaType());
        var body = await response.JsonAsync();
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal("GRAPHQL_PARSE_FAILED", body.FirstErrorCode());
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Validation_error_status_depends_on_the_media_type(string accept, HttpStatusCode expected)
    {
        using var response = await Host.PostQueryAsync("{ unknownField }", accept: accept);

        Assert.Equal(expected, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", body.FirstErrorCode());
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Variable_coercion_error_status_depends_on_the_media_type(string accept, HttpStatusCode expected)
    {
        using var response = await Host.PostQueryAsync("query($a: Int!, $b: Int!) { add(a: $a, b: $b) }", new { a = "forty", b = 2 }, accept);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(accept, response.MediaType());
        var body = await response.JsonAsync();
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal("BAD_USER_INPUT", body.FirstErrorCode());
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Unknown_operation_status_depends_on_the_media_type(string accept, HttpStatusCode expected)
    {
        using var response = await Host.PostAsync("/graphql", """{"query":"query A { hello } query B { hello }","operationName":"C"}""", accept);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("OPERATION_RESOLUTION_FAILURE", (await response.JsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Field_errors_give_200_with_errors_written_before_data()
    {
        using var response = await Host.PostQueryAsync("{ hello failing }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.TextAsync();
        Assert.StartsWith("""{"errors":[{"message":"The ward is closed.","locations":[{"line":1,"column":9}],"path":["failing"],"extensions":{"code":"WARD_CLOSED"}}],"data":{""", text, StringComparison.Ordinal);
        Assert.EndsWith("\"data\":{\"hello\":\"Hello, world!\",\"failing\":null}}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_ascii_text_is_written_as_utf8_not_escaped()
    {
        using var response = await Host.PostQueryAsync("{ patients { name } }");

        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("""{"data":{"patients":[{"name":"Ada Lovelace"},{"name":"Zoë Brontë"}]}}""", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Duplicate_get_parameters_are_400()
    {
        using var response = await Host.GetAsync("/graphql?query=%7Bhello%7D&query=%7Bhello%7D");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The \"query\" parameter appears more than once.", (await response.JsonAsync()).FirstErrorMessage());
    }

    [Fact]
    public async Task Get_variables_that_are_not_an_object_are_400()
    {
        using var response = await Host.GetAsync("/graphql?query=%7Bhello%7D&variables=%5B1%5D");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The \"variables\" parameter must be an object (map), but it is an array.", (await response.JsonAsync()).FirstErrorMessage());
    }

    [Fact]
    public async Task Get_without_query_from_a_non_browser_is_400()
    {
        using var response = await Host.GetAsync("/graphql", GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The request has no \"query\" parameter.", (await response.JsonAsync()).FirstErrorMessage());
    }

    [Fact]
    public async Task Sdl_is_served_as_text()
    {
        using var response = await Host.GetAsync("/graphql?sdl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.MediaType());
        Assert.Equal(TestSchema.Sdl, await response.TextAsync());

        using var again = await Host.GetAsync("/graphql?sdl");
        Assert.Equal(1, fixture.Sdl.Calls);
    }

    [Fact]
    public async Task Sdl_can_be_switched_off()
    {
        using var response = await Host.GetAsync("/postonly?sdl");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_paths_below_the_endpoint_are_404()
    {
        using var response = await Host.GetAsync("/graphql/nothing-here.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Hides its length so that HttpClient sends the body chunked.</summary>
    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
