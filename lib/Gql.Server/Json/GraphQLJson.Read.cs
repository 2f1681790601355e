using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Gql.Server.Execution;

namespace Gql.Server.Json;

/// <summary>
/// JSON for GraphQL: parses requests (System.Text.Json's <see cref="Utf8JsonReader"/>, no reflection) into
/// <see cref="GraphQLRequest"/> and writes <see cref="ExecutionResult"/>s with <see cref="Utf8JsonWriter"/>.
/// </summary>
/// <remarks>
/// JSON values become plain .NET values, which is what the executor's variable coercion expects: objects become
/// <see cref="Dictionary{TKey, TValue}"/> (as <see cref="IReadOnlyDictionary{TKey, TValue}"/>), arrays
/// <see cref="List{T}"/>, strings, <see cref="bool"/> and null stay as they are, and numbers become a
/// <see cref="long"/> when integral and in range, else a <see cref="decimal"/> when it holds the number exactly, else
/// a <see cref="double"/>.
/// </remarks>
public static partial class GraphQLJson
{
    /// <summary>Nesting deeper than this is refused, so that hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = MaxDepth,
    };

    /// <summary>Parses a GraphQL-over-HTTP JSON request body (one JSON object).</summary>
    /// <exception cref="GraphQLRequestException">The body is not valid JSON or a parameter has the wrong type.</exception>
    public static GraphQLRequest ParseRequest(ReadOnlySpan<byte> utf8Json)
    {
        var json = SkipBom(utf8Json);
        var reader = new Utf8JsonReader(json, ReaderOptions);
        return ParseDocument(ref reader, IsBlank(json), "request body", static (ref Utf8JsonReader r) => ReadRequest(ref r));
    }

    /// <summary>Parses a GraphQL-over-HTTP JSON request body that arrived in several segments (a pipe's buffer).</summary>
    /// <exception cref="GraphQLRequestException">The body is not valid JSON or a parameter has the wrong type.</exception>
    public static GraphQLRequest ParseRequest(ReadOnlySequence<byte> utf8Json)
    {
        if (utf8Json.IsSingleSegment)
        {
            return ParseRequest(utf8Json.FirstSpan);
        }

        var json = SkipBom(utf8Json);
        var reader = new Utf8JsonReader(json, ReaderOptions);
        return ParseDocument(ref reader, IsBlank(json), "request body", static (ref Utf8JsonReader r) => ReadRequest(ref r));
    }

    /// <summary>
    /// Parses a JSON text that must be an object or null, such as the <c>variables</c> and <c>extensions</c> parameters
    /// of a GET request. Returns null for JSON <c>null</c>.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="parameterName">Named in error messages, e.g. <c>variables</c>.</param>
    /// <exception cref="GraphQLRequestException">The text is not valid JSON or not an object.</exception>
    public static IReadOnlyDictionary<string, object?>? ParseMap(string json, string parameterName)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, ReaderOptions);
        return ParseDocument(ref reader, IsBlank(bytes), $"\"{parameterName}\" parameter", (ref Utf8JsonReader r) => ReadMap(ref r, parameterName));
    }

    /// <summary>Parses any JSON text into a plain .NET value (see the type's remarks for the mapping).</summary>
    /// <exception cref="GraphQLRequestException">The text is not valid JSON.</exception>
    public static object? ParseValue(ReadOnlySpan<byte> utf8Json)
    {
        var json = SkipBom(utf8Json);
        var reader = new Utf8JsonReader(json, ReaderOptions);
        return ParseDocument(ref reader, IsBlank(json), "JSON value", static (ref Utf8JsonReader r) => ReadValue(ref r));
    }

    /// <summary>
    /// Reads a request object at the reader's current token (or the next one when the reader has not started), for
    /// transports that embed requests in larger messages. Unknown properties are ignored, as the spec requires;
    /// <c>null</c> for an optional parameter means absent.
    /// </summary>
    /// <exception cref="GraphQLRequestException">A parameter has the wrong type.</exception>
    /// <exception cref="JsonException">The JSON is invalid.</exception>
    public static GraphQLRequest ReadRequest(ref Utf8JsonReader reader)
    {
        MoveToValue(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new GraphQLRequestException("A GraphQL request must be a JSON object.");
        }

        string? query = null;
        string? operationName = null;
        IReadOnlyDictionary<string, object?>? variables = null;
        IReadOnlyDictionary<string, object?>? extensions = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("query"u8))
            {
                Once(ref seen, 1, "query");
                reader.Read();
                query = ReadOptionalString(ref reader, "query");
            }
            else if (reader.ValueTextEquals("operationName"u8))
            {
                Once(ref seen, 2, "operationName");
                reader.Read();
                operationName = ReadOptionalString(ref reader, "operationName");
            }
            else if (reader.ValueTextEquals("variables"u8))
            {
                Once(ref seen, 4, "variables");
                reader.Read();
                variables = ReadMap(ref reader, "variables");
            }
            else if (reader.ValueTextEquals("extensions"u8))
            {
                Once(ref seen, 8, "extensions");
                reader.Read();
                extensions = ReadMap(ref reader, "extensions");
            }
            else
            {
                // The spec reserves other names for future use and tells servers to ignore them.
                reader.Read();
                reader.Skip();
            }
        }

        return new GraphQLRequest(query, operationName, variables, extensions);
    }

    /// <summary>Reads the JSON value at the reader's current token (or the next one) as a plain .NET value.</summary>
    /// <exception cref="GraphQLRequestException">A number is out of range.</exception>
    /// <exception cref="JsonException">The JSON is invalid.</exception>
    public static object? ReadValue(ref Utf8JsonReader reader)
    {
        MoveToValue(ref reader);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(ReadValue(ref reader));
                }

                return list;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return ReadNumber(ref reader);
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    private delegate T ReadFunc<out T>(ref Utf8JsonReader reader);

    private static T ParseDocument<T>(ref Utf8JsonReader reader, bool blank, string what, ReadFunc<T> read)
    {
        try
        {
            if (blank || !reader.Read())
            {
                throw new GraphQLRequestException($"The {what} is empty.");
            }

            var value = read(ref reader);

            // A second top-level value makes Read throw; trailing whitespace is fine.
            if (reader.Read())
            {
                throw new GraphQLRequestException($"The {what} must contain a single JSON value.");
            }

            return value;
        }
        catch (JsonException e)
        {
            // The reader's message says what and where (line and byte position) and contains no internals.
            throw new GraphQLRequestException($"The {what} is not valid JSON: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader reports strings that are not valid UTF-8 this way.
            throw new GraphQLRequestException($"The {what} is not valid UTF-8 JSON.", e);
        }
    }

    private static void MoveToValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.None or JsonTokenType.PropertyName && !reader.Read())
        {
            throw new JsonException("Expected a JSON value.");
        }
    }

    private static void Once(ref int seen, int flag, string name)
    {
        if ((seen & flag) != 0)
        {
            throw new GraphQLRequestException($"The \"{name}\" parameter appears more than once.");
        }

        seen |= flag;
    }

    private static string? ReadOptionalString(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new GraphQLRequestException($"The \"{name}\" parameter must be a string, but it is {Describe(reader.TokenType)}."),
    };

    private static Dictionary<string, object?>? ReadMap(ref Utf8JsonReader reader, string name)
    {
        MoveToValue(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.StartObject => ReadObject(ref reader),
            JsonTokenType.Null => null,
            _ => throw new GraphQLRequestException($"The \"{name}\" parameter must be an object (map), but it is {Describe(reader.TokenType)}."),
        };
    }

    private static Dictionary<string, object?> ReadObject(ref Utf8JsonReader reader)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();

            // Last one wins for duplicate keys, as in JavaScript's JSON.parse.
            map[key] = ReadValue(ref reader);
        }

        return map;
    }

    private static object ReadNumber(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out var integer))
        {
            return integer;
        }

        Span<byte> scratch = stackalloc byte[128];
        scoped ReadOnlySpan<byte> raw;
        if (!reader.HasValueSequence)
        {
            raw = reader.ValueSpan;
        }
        else if (reader.ValueSequence.Length <= scratch.Length)
        {
            reader.ValueSequence.CopyTo(scratch);
            raw = scratch[..(int)reader.ValueSequence.Length];
        }
        else
        {
            raw = reader.ValueSequence.ToArray();
        }

        if (IsExactDecimal(raw) && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return exact;
        }

        if (reader.TryGetDouble(out var approximate) && double.IsFinite(approximate))
        {
            return approximate;
        }

        throw new GraphQLRequestException($"The number {Encoding.UTF8.GetString(raw)} is out of range.");
    }

    /// <summary>
    /// Whether a JSON number (already validated by the reader) fits a <see cref="decimal"/> without rounding: at most 28
    /// significant digits and a scale of at most 28. decimal.Parse alone would silently round or underflow to zero.
    /// </summary>
    private static bool IsExactDecimal(ReadOnlySpan<byte> number)
    {
        var digits = 0;          // significant digits seen so far, leading zeros excluded
        var pendingZeros = 0;    // zeros after the last non-zero digit; significant only if another digit follows
        var fractionDigits = 0;
        var i = 0;
        if (i < number.Length && number[i] == (byte)'-')
        {
            i++;
        }

        var inFraction = false;
        for (; i < number.Length; i++)
        {
            var c = number[i];
            if (c == (byte)'.')
            {
                inFraction = true;
                continue;
            }

            if (c is (byte)'e' or (byte)'E')
            {
                break;
            }

            if (inFraction)
            {
                fractionDigits++;
            }

            if (c == (byte)'0')
            {
                if (digits > 0)
                {
                    pendingZeros++;
                }
            }
            else
            {
                digits += pendingZeros + 1;
                pendingZeros = 0;
            }
        }

        long exponent = 0;
        if (i < number.Length)
        {
            i++;
            var negative = false;
            if (number[i] is (byte)'+' or (byte)'-')
            {
                negative = number[i] == (byte)'-';
                i++;
            }

            for (; i < number.Length; i++)
            {
                exponent = (exponent * 10) + (number[i] - (byte)'0');
                if (exponent > 1000)
                {
                    return digits == 0;
                }
            }

            exponent = negative ? -exponent : exponent;
        }

        if (digits == 0)
        {
            return true;
        }

        // value = significant digits x 10^power, with the trailing zeros folded into the power.
        var power = exponent - fractionDigits + pendingZeros;
        return power >= 0 ? digits + power <= 28 : digits <= 28 && -power <= 28;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    // Utf8JsonReader throws on input without any token; callers check first so that the message can say "empty".
    private static bool IsBlank(ReadOnlySpan<byte> utf8) => utf8.TrimStart(" \t\r\n"u8).IsEmpty;

    private static bool IsBlank(ReadOnlySequence<byte> utf8)
    {
        foreach (var segment in utf8)
        {
            if (!IsBlank(segment.Span))
            {
                return false;
            }
        }

        return true;
    }

    private static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> utf8) =>
        utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;

    private static ReadOnlySequence<byte> SkipBom(ReadOnlySequence<byte> utf8)
    {
        Span<byte> head = stackalloc byte[3];
        if (utf8.Length >= 3)
        {
            utf8.Slice(0, 3).CopyTo(head);
            if (head.SequenceEqual("\uFEFF"u8))
            {
                return utf8.Slice(3);
            }
        }

        return utf8;
    }
}
