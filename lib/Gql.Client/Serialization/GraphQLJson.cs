using System.Globalization;
using System.Text.Json;

namespace Gql.Client.Serialization;

/// <summary>Reads response JSON for generated result types (no reflection: trim- and AOT-safe).</summary>
public static class GraphQLJsonReader
{
    private static readonly JsonElement Null = CreateNull();

    /// <summary>The member <paramref name="name"/> of an object, or a JSON null when absent (skipped fields).</summary>
    /// <param name="element">The object.</param>
    /// <param name="name">The response name.</param>
    /// <returns>The member's value.</returns>
    public static JsonElement Field(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : Null;

    /// <summary>Whether a value is JSON null (or absent).</summary>
    /// <param name="element">The value.</param>
    /// <returns>True for null.</returns>
    public static bool IsNull(JsonElement element) => element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>Reads a list.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="element">The JSON array.</param>
    /// <param name="read">Reads one item.</param>
    /// <returns>The items.</returns>
    public static IReadOnlyList<T> ReadList<T>(JsonElement element, Func<JsonElement, T> read)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"Expected a list, found {element.ValueKind}.");
        }

        var items = new T[element.GetArrayLength()];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            items[i++] = read(item);
        }

        return items;
    }

    /// <summary>Reads a nullable reference-typed value.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="element">The JSON value.</param>
    /// <param name="read">Reads a non-null value.</param>
    /// <returns>The value, or null.</returns>
    public static T? ReadOrNull<T>(JsonElement element, Func<JsonElement, T> read)
        where T : class =>
        IsNull(element) ? null : read(element);

    /// <summary>Reads a nullable value-typed value.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="element">The JSON value.</param>
    /// <param name="read">Reads a non-null value.</param>
    /// <returns>The value, or null.</returns>
    public static T? ReadOrNullValue<T>(JsonElement element, Func<JsonElement, T> read)
        where T : struct =>
        IsNull(element) ? null : read(element);

    /// <summary>The <c>__typename</c> of an object of an abstract type.</summary>
    /// <param name="element">The object.</param>
    /// <returns>The type name.</returns>
    public static string TypeName(JsonElement element) =>
        Field(element, "__typename").GetString() ?? throw new InvalidOperationException("The object has no __typename.");

    /// <summary>Fails for a non-null field that is null.</summary>
    /// <param name="element">The value.</param>
    /// <returns>The value.</returns>
    public static JsonElement NonNull(JsonElement element) =>
        IsNull(element) ? throw new InvalidOperationException("A non-null field is null.") : element;

    private static JsonElement CreateNull()
    {
        using var document = JsonDocument.Parse("null");
        return document.RootElement.Clone();
    }
}

/// <summary>Reads and writes the built-in and extended GraphQL scalars.</summary>
public static class GraphQLScalars
{
    /// <summary>Reads <c>Int</c>.</summary>
    /// <param name="e">The value.</param>
    /// <returns>The value.</returns>
    public static int ReadInt(JsonElement e) => GraphQLJsonReader.NonNull(e).GetInt32();

    /// <summary>Reads <c>Float</c>.</summary>
    /// <param name="e">The value.</param>
    /// <returns>The value.</returns>
    public static double ReadFloat(JsonElement e) => GraphQLJsonReader.NonNull(e).GetDouble();

    /// <summary>Reads <c>Boolean</c>.</summary>
    /// <param name="e">The value.</param>
    /// <returns>The value.</returns>
    public static bool ReadBoolean(JsonElement e) => GraphQLJsonReader.NonNull(e).GetBoolean();

    /// <summary>Reads <c>String</c>.</summary>
    /// <param name="e">The value.</param>
    /// <returns>The value.</returns>
    public static string ReadString(JsonElement e) => GraphQLJsonReader.NonNull(e).GetString()!;

    /// <summary>Reads <c>ID</c> (a string, or an integer some servers send).</summary>
    /// <param name="e">The value.</param>
    /// <returns>The value.</returns>
    public static string ReadId(JsonElement e) =>
        GraphQLJsonReader.NonNull(e).ValueKind == JsonValueKind.Number ? e.GetRawText() : e.GetString()!;

    /// <summary>Reads <c>Long</c> (a number or a numeric string).</summary>
    /// <param name="e">The value.</param>
    /// <returns>The value.</returns>
    public static long ReadLong(JsonElement e) =>
        GraphQLJsonReader.NonNull(e).ValueKind == JsonValueKind.String ? long.Parse(e.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : e.GetInt64();

    /// <summary>Reads <c>Decimal</c> (a number or a numeric string).</summary>
    /// <param name="e">The value.</param>
    /// <returns>The value.</returns>
    public static decimal ReadDecimal(JsonElement e) =>
        GraphQLJsonReader.NonNull(e).ValueKind == JsonValueKind.String ? decimal.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture) : e.GetDecimal();

    /// <summary>Reads <c>DateTime</c> (RFC 3339).</summary>
    /// <param name="e">The value.</param>
    /// <returns>The value.</returns>
    public static DateTimeOffset ReadDateTime(JsonElement e) =>
        DateTimeOffset.Parse(GraphQLJsonReader.NonNull(e).GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>Reads <c>Date</c> (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="e">The value.</param>
    /// <returns>The value.</returns>
    public static DateOnly ReadDate(JsonElement e) =>
        DateOnly.ParseExact(GraphQLJsonReader.NonNull(e).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads <c>LocalTime</c> (<c>HH:mm[:ss[.fff]]</c>).</summary>
    /// <param name="e">The value.</param>
    /// <returns>The value.</returns>
    public static TimeOnly ReadLocalTime(JsonElement e) =>
        TimeOnly.Parse(GraphQLJsonReader.NonNull(e).GetString()!, CultureInfo.InvariantCulture);

    /// <summary>Reads <c>UUID</c>.</summary>
    /// <param name="e">The value.</param>
    /// <returns>The value.</returns>
    public static Guid ReadUuid(JsonElement e) => GraphQLJsonReader.NonNull(e).GetGuid();

    /// <summary>Reads a custom scalar as a detached JSON value.</summary>
    /// <param name="e">The value.</param>
    /// <returns>The value.</returns>
    public static JsonElement ReadAny(JsonElement e) => GraphQLJsonReader.NonNull(e).Clone();

    /// <summary>Writes <c>Int</c>.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteInt(Utf8JsonWriter w, int value) => w.WriteNumberValue(value);

    /// <summary>Writes <c>Float</c>.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteFloat(Utf8JsonWriter w, double value) => w.WriteNumberValue(value);

    /// <summary>Writes <c>Boolean</c>.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteBoolean(Utf8JsonWriter w, bool value) => w.WriteBooleanValue(value);

    /// <summary>Writes <c>String</c>.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteString(Utf8JsonWriter w, string value) => w.WriteStringValue(value);

    /// <summary>Writes <c>ID</c>.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteId(Utf8JsonWriter w, string value) => w.WriteStringValue(value);

    /// <summary>Writes <c>Long</c>.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteLong(Utf8JsonWriter w, long value) => w.WriteNumberValue(value);

    /// <summary>Writes <c>Decimal</c>.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDecimal(Utf8JsonWriter w, decimal value) => w.WriteNumberValue(value);

    /// <summary>Writes <c>DateTime</c> as RFC 3339 with its offset.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDateTime(Utf8JsonWriter w, DateTimeOffset value) =>
        w.WriteStringValue(value.ToString(value.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));

    /// <summary>Writes <c>Date</c>.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDate(Utf8JsonWriter w, DateOnly value) => w.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Writes <c>LocalTime</c>.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteLocalTime(Utf8JsonWriter w, TimeOnly value) =>
        w.WriteStringValue(value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));

    /// <summary>Writes <c>UUID</c>.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteUuid(Utf8JsonWriter w, Guid value) => w.WriteStringValue(value);

    /// <summary>Writes a custom scalar.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteAny(Utf8JsonWriter w, JsonElement value) => value.WriteTo(w);
}

/// <summary>
/// An optional input field: unset fields are left out of the request, while an explicit <c>null</c> is sent as null
/// (which clears a value in update inputs). Converts implicitly from a value, so object initializers read naturally.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly struct Optional<T> : IEquatable<Optional<T>>
{
    private readonly T value;

    /// <summary>Creates a set optional.</summary>
    /// <param name="value">The value (may be null).</param>
    public Optional(T value)
    {
        this.value = value;
        HasValue = true;
    }

    /// <summary>Whether a value (possibly null) was set.</summary>
    public bool HasValue { get; }

    /// <summary>The value, or default when unset.</summary>
    public T Value => value;

    /// <summary>A set optional.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Optional<T> other) => HasValue == other.HasValue && EqualityComparer<T>.Default.Equals(value, other.value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HasValue ? HashCode.Combine(true, value) : 0;

    /// <inheritdoc />
    public override string ToString() => HasValue ? value?.ToString() ?? "null" : "(unset)";
}
