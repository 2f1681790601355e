using System.Globalization;
using Hospital.Data.Domain;
using Hospital.Data.Entities;

namespace Hospital.Seed.Fakers;

/// <summary>Lab orders taken through their life cycle with the domain rules; results are mostly normal, some abnormal, a few critical.</summary>
internal sealed class LabOrderFaker(SeedContext context)
{
    private static readonly string[] RoutineNotes =
    [
        "Sample received in good condition.",
        "Mildly hemolyzed sample; potassium may be falsely elevated.",
        "Repeat requested by ordering physician.",
        "Results reviewed with patient by phone.",
    ];

    public ClinicalCatalog.LabPanel ChoosePanel(Patient patient, string specialty)
    {
        string[] codes = specialty switch
        {
            "Cardiology" => ["LIPID", "TROP", "BMP"],
            "Emergency Medicine" => ["CBC", "BMP", "TROP", "CRP"],
            "Oncology" => ["CBC", "LFT"],
            _ when patient.Conditions.Exists(c => c.IcdCode == "E11.9") => ["HBA1C", "BMP", "LIPID"],
            _ when patient.Conditions.Exists(c => c.IcdCode == "E03.9") => ["TSH", "CBC"],
            _ => ["CBC", "BMP", "CRP", "LFT", "TSH"],
        };
        var code = context.Pick(codes);
        return ClinicalCatalog.LabPanels.First(p => p.Code == code);
    }

    /// <summary>
    /// An order placed at <paramref name="orderedAt"/>, advanced as far as the clock allows: orders from the last
    /// hours are still pending, older ones are resulted (or occasionally cancelled).
    /// </summary>
    public LabOrder Generate(Patient patient, Encounter? encounter, int doctorId, int nurseId, ClinicalCatalog.LabPanel panel, DateTime orderedAt, LabPriority priority)
    {
        var order = new LabOrder
        {
            Patient = patient,
            Encounter = encounter,
            OrderedById = doctorId,
            TestCode = panel.Code,
            TestName = panel.Name,
            Priority = priority,
            OrderedAt = orderedAt,
        };
        var collectedAt = orderedAt.AddMinutes(context.Random.Int(10, 60));
        var startedAt = collectedAt.AddMinutes(context.Random.Int(20, 90));
        var resultedAt = startedAt.AddMinutes(priority == LabPriority.Routine ? context.Random.Int(120, 1200) : context.Random.Int(20, 90));
        if (context.Chance(0.03) && collectedAt <= context.Now)
        {
            order.TransitionTo(LabOrderStatus.Collected, collectedAt);
            order.TransitionTo(LabOrderStatus.Cancelled, collectedAt.AddMinutes(30), "Sample clotted; new order placed");
            return order;
        }

        if (collectedAt > context.Now)
        {
            return order;
        }

        order.TransitionTo(LabOrderStatus.Collected, collectedAt);
        if (startedAt > context.Now)
        {
            return order;
        }

        order.TransitionTo(LabOrderStatus.InProgress, startedAt);
        if (resultedAt > context.Now)
        {
            return order;
        }

        var diabetic = patient.Conditions.Exists(c => c.IcdCode == "E11.9");
        foreach (var analyte in panel.Analytes)
        {
            order.Results.Add(Result(analyte, resultedAt, diabetic && analyte.Name is "Glucose" or "HbA1c"));
        }

        order.TransitionTo(LabOrderStatus.Resulted, resultedAt);
        var critical = order.Results.Find(r => r.Flag == ResultFlag.Critical);
        if (critical is not null)
        {
            order.Notes.Add(new LabNote
            {
                AuthorId = nurseId,
                Text = $"Critical {critical.Analyte} {critical.Value} {critical.Unit} called to the ordering physician; read back confirmed.",
                WrittenAt = resultedAt.AddMinutes(context.Random.Int(5, 25)),
            });
        }
        else if (context.Chance(0.12))
        {
            order.Notes.Add(new LabNote { AuthorId = nurseId, Text = context.Pick(RoutineNotes), WrittenAt = resultedAt.AddMinutes(context.Random.Int(10, 240)) });
        }

        return order;
    }

    private LabResult Result(ClinicalCatalog.AnalyteInfo analyte, DateTime at, bool expectHigh)
    {
        var span = analyte.High - analyte.Low;
        var roll = context.Random.Double();
        decimal value = roll switch
        {
            < 0.015 => analyte.High + (span * context.Random.Decimal(0.8m, 2.5m)) + (analyte.High * 0.6m),
            < 0.13 => context.Random.Bool() || analyte.Low == 0
                ? analyte.High + (span * context.Random.Decimal(0.02m, 0.3m))
                : analyte.Low - (span * context.Random.Decimal(0.02m, 0.2m)),
            _ => analyte.Low + (span * context.Random.Decimal(0.1m, 0.9m)),
        };
        if (expectHigh && context.Chance(0.6))
        {
            value = analyte.High + (span * context.Random.Decimal(0.05m, 0.45m));
        }

        value = Math.Max(0, decimal.Round(value, analyte.Decimals));
        return new LabResult
        {
            Analyte = analyte.Name,
            Value = value.ToString(CultureInfo.InvariantCulture),
            NumericValue = value,
            Unit = analyte.Unit,
            ReferenceLow = analyte.Low,
            ReferenceHigh = analyte.High,
            ReferenceRange = string.Create(CultureInfo.InvariantCulture, $"{analyte.Low}-{analyte.High}"),
            Flag = LabOrderRules.Flag(value, analyte.Low == 0 ? null : analyte.Low, analyte.High),
            ResultedAt = at,
        };
    }
}
