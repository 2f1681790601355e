using System.Buffers;
using System.Text;
using Gql.Server.Execution;
using Gql.Server.Json;

namespace Gql.Server.Tests.Http;

/// <summary>Request parsing and result writing of <see cref="GraphQLJson"/>.</summary>
public sealed class GraphQLJsonTests
{
    [Fact]
    public void Request_parameters_and_variables_become_plain_values()
    {
        var request = Parse("""
            {"query":"query Q($p: PatientInput) { x }","operationName":"Q",
             "variables":{"p":{"name":"Zoë","age":42,"weight":70.5,"tags":["a",null,true,false],"nested":{"deep":[]}}},
             "extensions":{"persistedQuery":{"version":1}}}
            """);

        Assert.Equal("query Q($p: PatientInput) { x }", request.Query);
        Assert.Equal("Q", request.OperationName);
        var p = Assert.IsType<Dictionary<string, object?>>(request.Variables!["p"]);
        Assert.Equal("Zoë", p["name"]);
        Assert.Equal(42L, p["age"]);
        Assert.Equal(70.5m, p["weight"]);
        Assert.Equal(new List<object?> { "a", null, true, false }, p["tags"]);
        Assert.Empty(Assert.IsType<List<object?>>(Assert.IsType<Dictionary<string, object?>>(p["nested"])["deep"]));
        Assert.Equal(1L, ((IReadOnlyDictionary<string, object?>)request.Extensions!["persistedQuery"]!)["version"]);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Integral_numbers_that_fit_are_long(string json, long expected) =>
        Assert.Equal(expected, Assert.IsType<long>(Value(json)));

    [Theory]
    [InlineData("9223372036854775808", "9223372036854775808")]
    [InlineData("1.0", "1.0")]
    [InlineData("0.1", "0.1")]
    [InlineData("-12.3400", "-12.3400")]
    [InlineData("1e2", "100")]
    [InlineData("1.5E-3", "0.0015")]
    [InlineData("1234567890123456789012345678", "1234567890123456789012345678")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("0e999999", "0")]
    public void Other_numbers_that_decimal_holds_exactly_are_decimal(string json, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.IsType<decimal>(Value(json)));

    [Theory]
    [InlineData("1e300", 1e300)]
    [InlineData("1e-30", 1e-30)]
    [InlineData("0.12345678901234567890123456789", 0.12345678901234567890123456789)]
    [InlineData("12345678901234567890123456789012", 12345678901234567890123456789012d)]
    public void Numbers_beyond_decimal_are_double(string json, double expected) =>
        Assert.Equal(expected, Assert.IsType<double>(Value(json)));

    [Fact]
    public void Numbers_beyond_double_are_refused()
    {
        var e = Assert.Throws<GraphQLRequestException>(() => Value("1e400"));
        Assert.Contains("1e400 is out of range", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "The request body is empty.")]
    [InlineData("   ", "The request body is empty.")]
    [InlineData("{", "The request body is not valid JSON")]
    [InlineData("{} {}", "The request body is not valid JSON")]
    [InlineData("{\"query\":\"x\",}", "The request body is not valid JSON")]
    [InlineData("{\"query\":\"x\" /* c */}", "The request body is not valid JSON")]
    [InlineData("42", "A GraphQL request must be a JSON object.")]
    [InlineData("{\"query\":true}", "The \"query\" parameter must be a string, but it is a boolean.")]
    [InlineData("{\"operationName\":[]}", "The \"operationName\" parameter must be a string, but it is an array.")]
    [InlineData("{\"variables\":1}", "The \"variables\" parameter must be an object (map), but it is a number.")]
    [InlineData("{\"extensions\":\"{}\"}", "The \"extensions\" parameter must be an object (map), but it is a string.")]
    [InlineData("{\"variables\":{},\"variables\":{}}", "The \"variables\" parameter appears more than once.")]
    public void Malformed_requests_are_refused_with_a_precise_message(string json, string message)
    {
        var e = Assert.Throws<GraphQLRequestException>(() => Parse(json));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var json = "{\"query\":\"q\",\"variables\":{\"v\":" + new string('[', 100) + new string(']', 100) + "}}";
        var e = Assert.Throws<GraphQLRequestException>(() => Parse(json));
        Assert.Contains("depth", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_refused()
    {
        byte[] json = [.. "{\"query\":\""u8, 0xC3, 0x28, .. "\"}"u8];
        Assert.Throws<GraphQLRequestException>(() => GraphQLJson.ParseRequest(json));
    }

    [Fact]
    public void Byte_order_mark_is_skipped()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. "{\"query\":\"{ a }\"}"u8];
        Assert.Equal("{ a }", GraphQLJson.ParseRequest(json).Query);
        Assert.Equal("{ a }", GraphQLJson.ParseRequest(Segmented(json, 2)).Query);
    }

    [Fact]
    public void Segmented_input_parses_like_contiguous_input()
    {
        var json = Encoding.UTF8.GetBytes("""{"query":"{ patients { name } }","variables":{"n":12.50,"big":123456789012,"s":"Zoë"}}""");
        foreach (var size in new[] { 1, 3, 7, 64 })
        {
            var request = GraphQLJson.ParseRequest(Segmented(json, size));
            Assert.Equal("{ patients { name } }", request.Query);
            Assert.Equal(12.50m, request.Variables!["n"]);
            Assert.Equal(123456789012L, request.Variables["big"]);
            Assert.Equal("Zoë", request.Variables["s"]);
        }
    }

    [Fact]
    public void Get_parameters_parse_as_maps_or_null()
    {
        Assert.Null(GraphQLJson.ParseMap("null", "variables"));
        Assert.Equal(1L, GraphQLJson.ParseMap("""{"a":1}""", "variables")!["a"]);
        var e = Assert.Throws<GraphQLRequestException>(() => GraphQLJson.ParseMap("{a:1}", "extensions"));
        Assert.StartsWith("The \"extensions\" parameter is not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_writes_errors_then_data_then_extensions()
    {
        var data = new ResultMap();
        data.Add("patient", null);
        var result = new ExecutionResult
        {
            HasData = true,
            Data = data,
            Errors = [new GraphQLError("Not found.", "NOT_FOUND") { Locations = [(1, 3)], Path = ["patient", 0, "name"] }],
            Extensions = new Dictionary<string, object?> { ["cost"] = 3 },
        };

        Assert.Equal(
            """{"errors":[{"message":"Not found.","locations":[{"line":1,"column":3}],"path":["patient",0,"name"],"extensions":{"code":"NOT_FOUND"}}],"data":{"patient":null},"extensions":{"cost":3}}""",
            Write(result));
    }

    [Fact]
    public void Result_without_data_omits_the_data_entry()
    {
        var result = ExecutionResult.Failed(RequestErrorKind.Syntax, new GraphQLError("Syntax Error: Expected Name, found <EOF>."));

        // Only what JSON requires is escaped: the handler sends nosniff, so no browser treats a response as HTML.
        Assert.Equal("""{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>."}]}""", Write(result));
    }

    [Fact]
    public void Result_with_null_data_writes_data_null()
    {
        var result = new ExecutionResult { HasData = true, Data = null, Errors = [new GraphQLError("Boom.")] };

        Assert.Equal("""{"errors":[{"message":"Boom."}],"data":null}""", Write(result));
    }

    [Fact]
    public void Result_values_keep_order_and_type()
    {
        var inner = new ResultMap();
        inner.Add("b", 1);
        inner.Add("a", 2L);
        var data = new ResultMap();
        data.Add("z", "Zoë <script>");
        data.Add("list", new List<object?> { inner, null, true, 1.5d, 12.50m, -3 });
        var result = new ExecutionResult { HasData = true, Data = data };

        Assert.Equal("""{"data":{"z":"Zoë <script>","list":[{"b":1,"a":2},null,true,1.5,12.50,-3]}}""", Write(result));
    }

    [Fact]
    public void Extension_values_of_common_types_are_written()
    {
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        var result = new ExecutionResult
        {
            Errors = [new GraphQLError("x") { Extensions = new Dictionary<string, object?> { ["id"] = id, ["day"] = new DateOnly(2024, 2, 29), ["kind"] = DayOfWeek.Monday, ["arr"] = new[] { 1, 2 } } }],
        };

        Assert.Equal("""{"errors":[{"message":"x","extensions":{"id":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","day":"2024-02-29","kind":"Monday","arr":[1,2]}}]}""", Write(result));
    }

    [Fact]
    public void Values_without_json_form_are_refused()
    {
        var data = new ResultMap();
        data.Add("nan", double.NaN);
        Assert.Throws<NotSupportedException>(() => Write(new ExecutionResult { HasData = true, Data = data }));

        var other = new ResultMap();
        other.Add("obj", new object());
        Assert.Throws<NotSupportedException>(() => Write(new ExecutionResult { HasData = true, Data = other }));

        // The cached writer must be usable again after a failure.
        Assert.Equal("""{"data":null}""", Write(new ExecutionResult { HasData = true }));
    }

    [Fact]
    public async Task Result_is_written_to_streams()
    {
        using var stream = new MemoryStream();
        await GraphQLJson.WriteResultAsync(stream, new ExecutionResult { HasData = true }, TestContext.Current.CancellationToken);
        Assert.Equal("""{"data":null}""", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Large_results_grow_the_pooled_buffer()
    {
        var list = Enumerable.Range(0, 20_000).Select(i => (object?)$"patient-{i}").ToList();
        var data = new ResultMap();
        data.Add("names", list);

        var json = Write(new ExecutionResult { HasData = true, Data = data });
        Assert.EndsWith("\"patient-19999\"]}}", json, StringComparison.Ordinal);
    }

    private static GraphQLRequest Parse(string json) => GraphQLJson.ParseRequest(Encoding.UTF8.GetBytes(json));

    private static object? Value(string json) => GraphQLJson.ParseValue(Encoding.UTF8.GetBytes(json));

    private static string Write(ExecutionResult result) => Encoding.UTF8.GetString(GraphQLJson.SerializeResult(result));

    private static ReadOnlySequence<byte> Segmented(byte[] data, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var i = 0; i < data.Length; i += size)
        {
            var segment = new Segment(data.AsMemory(i, Math.Min(size, data.Length - i)), last?.RunningIndex + last?.Memory.Length ?? 0);
            if (last is null)
            {
                first = segment;
            }
            else
            {
                last.Next = segment;
            }

            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public new Segment? Next
        {
            get => (Segment?)base.Next;
            set => base.Next = value;
        }
    }
}
