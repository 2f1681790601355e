using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Hospital.Data.Entities;

namespace Hospital.Data.Audit;

/// <summary>
/// Which entities are part of a patient's record, and whose: the patient, anything with a <c>PatientId</c>, and the
/// details of an encounter, a lab order or an invoice (whose patient is their parent's). Decided per CLR type once.
/// </summary>
public static class PatientRecord
{
    private static readonly string[] Parents = [nameof(Encounter), nameof(LabOrder), nameof(Invoice), nameof(Admission)];
    private static readonly ConcurrentDictionary<Type, Func<object, int?>?> Readers = new();

    /// <summary>True when entities of <paramref name="type"/> hold patient data.</summary>
    /// <param name="type">An entity type.</param>
    /// <returns>Whether reading or writing it is audited.</returns>
    public static bool IsPatientData(Type type) => Reader(type) is not null;

    /// <summary>The patient an entity belongs to; null when it is not patient data or its parent is not loaded.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The patient's id.</returns>
    public static int? PatientIdOf(object entity) => Reader(entity.GetType())?.Invoke(entity);

    private static Func<object, int?>? Reader(Type type) => Readers.GetOrAdd(type, Compile);

    private static Func<object, int?>? Compile(Type type)
    {
        if (type == typeof(AuditEntry))
        {
            // The log names patients but is not their record; reading it is not a read of the record.
            return null;
        }

        if (type == typeof(Patient))
        {
            return e => ((Patient)e).Id;
        }

        if (Property(type, "PatientId") is { } patientId && Read(type, patientId) is { } own)
        {
            return own;
        }

        foreach (var parent in Parents)
        {
            if (Property(type, parent + "Id") is { PropertyType: var key } && key == typeof(int) && Property(type, parent) is { } navigation
                && Property(navigation.PropertyType, "PatientId") is { } parentPatient && Read(navigation.PropertyType, parentPatient) is { } read)
            {
                var get = navigation.GetMethod!;
                return e => get.Invoke(e, null) is { } loaded ? read(loaded) : null;
            }
        }

        return null;
    }

    private static PropertyInfo? Property(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is { } p && p.GetMethod is not null ? p : null;

    private static Func<object, int?>? Read(Type type, PropertyInfo property)
    {
        if (property.PropertyType != typeof(int) && property.PropertyType != typeof(int?))
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(object), "entity");
        var body = Expression.Convert(Expression.Property(Expression.Convert(parameter, type), property), typeof(int?));
        return Expression.Lambda<Func<object, int?>>(body, parameter).Compile();
    }
}
