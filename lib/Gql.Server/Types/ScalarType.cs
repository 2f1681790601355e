using System.Globalization;
using Gql.Language.Ast;

namespace Gql.Server.Types;

/// <summary>A value could not be coerced to or from a scalar; the message says why and is shown to the client.</summary>
public sealed class ScalarCoercionException(string message) : Exception(message);

/// <summary>
/// A leaf type. Implementations turn runtime values into JSON-ready results (<see cref="Serialize"/>), and variable
/// values (<see cref="ParseValue"/>) or literals (<see cref="ParseLiteral"/>) into runtime values.
/// </summary>
public abstract class ScalarType(string name, string? description = null) : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>The <c>@specifiedBy</c> URL of custom scalars.</summary>
    public string? SpecifiedByUrl { get; init; }

    /// <summary>The CLR type this scalar produces when parsing.</summary>
    public abstract Type RuntimeType { get; }

    /// <summary>One of the five scalars the spec defines (not printed in SDL).</summary>
    public bool IsSpecified => Scalars.Specified.Contains(this);

    /// <summary>Result coercion: a JSON-compatible value (string, bool, int, long, double, decimal).</summary>
    public abstract object Serialize(object value);

    /// <summary>Input coercion of a variable value as decoded from JSON (string, bool, long, double, decimal).</summary>
    public abstract object ParseValue(object value);

    /// <summary>Input coercion of a literal in the document; variables are resolved before this is called.</summary>
    public abstract object ParseLiteral(ValueNode literal);

    /// <summary>The literal for a runtime value, as SDL and introspection print defaults.</summary>
    public abstract ValueNode ToLiteral(object value);

    private protected ScalarCoercionException Cannot(string what, object? value) =>
        new($"{Name} cannot represent {what}: {Describe(value)}");

    private protected static string Describe(object? value) => value switch
    {
        null => "null",
        string s => Gql.Language.Printer.PrintString(s),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        ValueNode node => Gql.Language.Printer.Print(node),
        _ => value.ToString() ?? "",
    };
}

/// <summary>The built-in and the extended scalars of Hot Chocolate's conventions.</summary>
public static class Scalars
{
    public static ScalarType Int { get; } = new IntScalar();
    public static ScalarType Float { get; } = new FloatScalar();
    public static ScalarType String { get; } = new StringScalar("String", "The `String` scalar type represents textual data, represented as UTF-8 character sequences.");
    public static ScalarType Boolean { get; } = new BooleanScalar();
    public static ScalarType ID { get; } = new IdScalar();
    public static ScalarType Long { get; } = new LongScalar();
    public static ScalarType Decimal { get; } = new DecimalScalar();
    public static ScalarType DateTime { get; } = new DateTimeScalar();
    public static ScalarType Date { get; } = new DateScalar();
    public static ScalarType LocalTime { get; } = new LocalTimeScalar();
    public static ScalarType UUID { get; } = new UuidScalar();

    /// <summary>The five scalars every schema has.</summary>
    public static IReadOnlyList<ScalarType> Specified { get; } = [Int, Float, String, Boolean, ID];

    public static IReadOnlyList<ScalarType> Extended { get; } = [Long, Decimal, DateTime, Date, LocalTime, UUID];

    private static bool IsIntegral(double d) => Math.Floor(d) == d && !double.IsInfinity(d);

    private sealed class IntScalar() : ScalarType("Int", "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.")
    {
        public override Type RuntimeType => typeof(int);

        public override object Serialize(object value) => value switch
        {
            int i => i,
            short or byte or sbyte or ushort => Convert.ToInt32(value, CultureInfo.InvariantCulture),
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            uint u when u <= int.MaxValue => (int)u,
            double d when IsIntegral(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
            decimal m when decimal.Truncate(m) == m && m is >= int.MinValue and <= int.MaxValue => (int)m,
            bool b => b ? 1 : 0,
            string s when int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => i,
            Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
            _ => throw Cannot("non-integer value", value),
        };

        public override object ParseValue(object value) => value switch
        {
            int i => i,
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            long => throw Cannot("non 32-bit signed integer value", value),
            double d when IsIntegral(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
            decimal m when decimal.Truncate(m) == m && m is >= int.MinValue and <= int.MaxValue => (int)m,
            double or decimal => throw Cannot("non-integer value", value),
            _ => throw Cannot("non-integer value", value),
        };

        public override object ParseLiteral(ValueNode literal) => literal switch
        {
            IntValueNode n when int.TryParse(n.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => i,
            IntValueNode n => throw Cannot("non 32-bit signed integer value", n),
            _ => throw Cannot("non-integer value", literal),
        };

        public override ValueNode ToLiteral(object value) => new IntValueNode(Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
    }

    private sealed class FloatScalar() : ScalarType("Float", "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).")
    {
        public override Type RuntimeType => typeof(double);

        public override object Serialize(object value) => value switch
        {
            double d when double.IsFinite(d) => d,
            float f when float.IsFinite(f) => (double)f,
            int or long or short or byte or decimal or uint or ulong => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            bool b => b ? 1.0 : 0.0,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
            _ => throw Cannot("non numeric value", value),
        };

        public override object ParseValue(object value) => value switch
        {
            double d when double.IsFinite(d) => d,
            int or long or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => throw Cannot("non numeric value", value),
        };

        public override object ParseLiteral(ValueNode literal) => literal switch
        {
            IntValueNode n => double.Parse(n.Value, CultureInfo.InvariantCulture),
            FloatValueNode n => double.Parse(n.Value, CultureInfo.InvariantCulture),
            _ => throw Cannot("non numeric value", literal),
        };

        public override ValueNode ToLiteral(object value)
        {
            var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            return IsIntegral(d) && Math.Abs(d) < 1e15
                ? new IntValueNode(d.ToString("0", CultureInfo.InvariantCulture))
                : new FloatValueNode(d.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private class StringScalar(string name, string description) : ScalarType(name, description)
    {
        public override Type RuntimeType => typeof(string);

        public override object Serialize(object value) => value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            char c => c.ToString(),
            IFormattable f when value is int or long or double or decimal or Guid => f.ToString(null, CultureInfo.InvariantCulture),
            Enum e => e.ToString(),
            _ => throw Cannot("value", value),
        };

        public override object ParseValue(object value) => value as string ?? throw Cannot("a non string value", value);

        public override object ParseLiteral(ValueNode literal) => literal is StringValueNode s ? s.Value : throw Cannot("a non string value", literal);

        public override ValueNode ToLiteral(object value) => new StringValueNode(value.ToString() ?? "", false);
    }

    private sealed class IdScalar() : StringScalar("ID", "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.")
    {
        public override object Serialize(object value) => value switch
        {
            string s => s,
            int or long or short or Guid => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
            _ => throw Cannot("value", value),
        };

        public override object ParseValue(object value) => value switch
        {
            string s => s,
            int or long => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
            double d when IsIntegral(d) => d.ToString("0", CultureInfo.InvariantCulture),
            decimal m when decimal.Truncate(m) == m => m.ToString("0", CultureInfo.InvariantCulture),
            _ => throw Cannot("value", value),
        };

        public override object ParseLiteral(ValueNode literal) => literal switch
        {
            StringValueNode s => s.Value,
            IntValueNode i => i.Value,
            _ => throw Cannot("a non-string and non-integer value", literal),
        };
    }

    private sealed class BooleanScalar() : ScalarType("Boolean", "The `Boolean` scalar type represents `true` or `false`.")
    {
        public override Type RuntimeType => typeof(bool);

        public override object Serialize(object value) => value switch
        {
            bool b => b,
            int i => i != 0,
            long l => l != 0,
            _ => throw Cannot("a non boolean value", value),
        };

        public override object ParseValue(object value) => value is bool b ? b : throw Cannot("a non boolean value", value);

        public override object ParseLiteral(ValueNode literal) => literal is BooleanValueNode b ? b.Value : throw Cannot("a non boolean value", literal);

        public override ValueNode ToLiteral(object value) => new BooleanValueNode((bool)value);
    }

    private sealed class LongScalar() : ScalarType("Long", "The `Long` scalar type represents non-fractional signed whole 64-bit numeric values.")
    {
        public override Type RuntimeType => typeof(long);

        public override object Serialize(object value) => value switch
        {
            long l => l,
            int or short or byte or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            _ => throw Cannot("non-integer value", value),
        };

        public override object ParseValue(object value) => value switch
        {
            long l => l,
            int i => (long)i,
            double d when IsIntegral(d) && d is >= long.MinValue and <= long.MaxValue => (long)d,
            decimal m when decimal.Truncate(m) == m && m is >= long.MinValue and <= long.MaxValue => (long)m,
            _ => throw Cannot("non-integer value", value),
        };

        public override object ParseLiteral(ValueNode literal) => literal is IntValueNode n && long.TryParse(n.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? l
            : throw Cannot("non-integer value", literal);

        public override ValueNode ToLiteral(object value) => new IntValueNode(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
    }

    private sealed class DecimalScalar() : ScalarType("Decimal", "The `Decimal` scalar type represents a decimal floating-point number.")
    {
        public override Type RuntimeType => typeof(decimal);

        public override object Serialize(object value) => value switch
        {
            decimal m => m,
            int or long or double or float => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            _ => throw Cannot("non numeric value", value),
        };

        public override object ParseValue(object value) => value switch
        {
            decimal m => m,
            int or long => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            double d when double.IsFinite(d) && Math.Abs(d) < 7.9e28 => (decimal)d,
            _ => throw Cannot("non numeric value", value),
        };

        public override object ParseLiteral(ValueNode literal) => literal switch
        {
            IntValueNode or FloatValueNode when decimal.TryParse(literal is IntValueNode i ? i.Value : ((FloatValueNode)literal).Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) => m,
            _ => throw Cannot("non numeric value", literal),
        };

        public override ValueNode ToLiteral(object value)
        {
            var m = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            var text = m.ToString(CultureInfo.InvariantCulture);
            return text.Contains('.') ? new FloatValueNode(text) : new IntValueNode(text);
        }
    }

    private sealed class DateTimeScalar() : ScalarType("DateTime", "The `DateTime` scalar represents an ISO-8601 compliant date time type.")
    {
        public override Type RuntimeType => typeof(DateTimeOffset);

        public override object Serialize(object value) => value switch
        {
            DateTimeOffset d => Format(d),
            DateTime d => Format(d.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(d, TimeSpan.Zero) : new DateTimeOffset(d)),
            _ => throw Cannot("value", value),
        };

        public override object ParseValue(object value) => value is string s ? Parse(s) : throw Cannot("a non string value", value);

        public override object ParseLiteral(ValueNode literal) => literal is StringValueNode s ? Parse(s.Value) : throw Cannot("a non string value", literal);

        public override ValueNode ToLiteral(object value) => new StringValueNode((string)Serialize(value), false);

        private static string Format(DateTimeOffset d) =>
            d.Offset == TimeSpan.Zero
                ? d.UtcDateTime.ToString(d.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
                : d.ToString(d.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

        private DateTimeOffset Parse(string s)
        {
            // RFC 3339: a date, a time and an explicit offset; a bare local time is ambiguous and refused.
            if (s.Length >= 20 && (s[^1] is 'Z' or 'z' || s[^6] is '+' or '-')
                && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            throw Cannot("an invalid date-time (expected RFC 3339, e.g. 2026-11-22T09:30:00Z)", s);
        }
    }

    private sealed class DateScalar() : ScalarType("Date", "The `Date` scalar represents an ISO-8601 compliant date type.")
    {
        public override Type RuntimeType => typeof(DateOnly);

        public override object Serialize(object value) => value switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw Cannot("value", value),
        };

        public override object ParseValue(object value) => value is string s ? Parse(s) : throw Cannot("a non string value", value);

        public override object ParseLiteral(ValueNode literal) => literal is StringValueNode s ? Parse(s.Value) : throw Cannot("a non string value", literal);

        public override ValueNode ToLiteral(object value) => new StringValueNode((string)Serialize(value), false);

        private DateOnly Parse(string s) =>
            DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw Cannot("an invalid date (expected yyyy-MM-dd)", s);
    }

    private sealed class LocalTimeScalar() : ScalarType("LocalTime", "The `LocalTime` scalar type is a local time string (i.e., with no associated timezone) in 24-hr HH:mm:ss.")
    {
        public override Type RuntimeType => typeof(TimeOnly);

        public override object Serialize(object value) => value switch
        {
            TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            TimeSpan t when t >= TimeSpan.Zero && t < TimeSpan.FromDays(1) => TimeOnly.FromTimeSpan(t).ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            _ => throw Cannot("value", value),
        };

        public override object ParseValue(object value) => value is string s ? Parse(s) : throw Cannot("a non string value", value);

        public override object ParseLiteral(ValueNode literal) => literal is StringValueNode s ? Parse(s.Value) : throw Cannot("a non string value", literal);

        public override ValueNode ToLiteral(object value) => new StringValueNode((string)Serialize(value), false);

        private TimeOnly Parse(string s) =>
            TimeOnly.TryParseExact(s, ["HH:mm:ss", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : throw Cannot("an invalid local time (expected HH:mm:ss)", s);
    }

    private sealed class UuidScalar() : ScalarType("UUID", "The `UUID` scalar represents a RFC 4122 universally unique identifier.")
    {
        public override Type RuntimeType => typeof(Guid);

        public override object Serialize(object value) => value is Guid g ? g.ToString("D") : throw Cannot("value", value);

        public override object ParseValue(object value) => value is string s && Guid.TryParse(s, out var g) ? g : throw Cannot("an invalid UUID", value);

        public override object ParseLiteral(ValueNode literal) => literal is StringValueNode s && Guid.TryParse(s.Value, out var g) ? g : throw Cannot("an invalid UUID", literal);

        public override ValueNode ToLiteral(object value) => new StringValueNode(((Guid)value).ToString("D"), false);
    }
}
