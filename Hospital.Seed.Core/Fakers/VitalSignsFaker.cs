using Hospital.Data.Entities;

namespace Hospital.Seed.Fakers;

/// <summary>Vital signs plausible for the patient's age, sex and chronic conditions.</summary>
internal sealed class VitalSignsFaker(SeedContext context)
{
    public VitalSigns Generate(Patient patient, DateTime at, int recordedById, bool unwell)
    {
        var age = context.AgeOn(patient.DateOfBirth, DateOnly.FromDateTime(at));
        var hypertensive = patient.Conditions.Exists(c => c.IcdCode == "I10");
        var copd = patient.Conditions.Exists(c => c.IcdCode == "J44.9");
        var (height, weight) = Size(age, patient.Sex);
        int systolic, diastolic;
        if (age < 12)
        {
            systolic = context.Random.Int(90, 112);
            diastolic = context.Random.Int(50, 72);
        }
        else
        {
            systolic = context.Random.Int(105, 138) + (hypertensive ? context.Random.Int(8, 30) : 0) + (age > 60 ? context.Random.Int(0, 10) : 0);
            diastolic = Math.Min(systolic - 25, context.Random.Int(64, 88) + (hypertensive ? context.Random.Int(0, 10) : 0));
        }

        return new VitalSigns
        {
            Patient = patient,
            RecordedById = recordedById,
            RecordedAt = at,
            TemperatureCelsius = unwell && context.Chance(0.5) ? Round1(context.Random.Decimal(37.8m, 39.6m)) : Round1(context.Random.Decimal(36.1m, 37.3m)),
            SystolicPressure = systolic,
            DiastolicPressure = diastolic,
            PulseRate = age switch { < 2 => context.Random.Int(100, 150), < 12 => context.Random.Int(75, 120), _ => context.Random.Int(56, 96) + (unwell ? 10 : 0) },
            RespiratoryRate = age < 12 ? context.Random.Int(18, 30) : context.Random.Int(12, 19) + (unwell ? 3 : 0),
            OxygenSaturation = copd ? context.Random.Int(88, 95) : context.Random.Int(95, 100),
            WeightKg = weight,
            HeightCm = height,
        };
    }

    private (decimal Height, decimal Weight) Size(int age, Sex sex)
    {
        if (age < 18)
        {
            // Rough growth curve: enough to keep a toddler from weighing 80 kg.
            var height = age == 0 ? context.Random.Decimal(50, 75) : 75m + (age * 6m) + context.Random.Decimal(-6, 6);
            var weight = age == 0 ? context.Random.Decimal(3.2m, 10m) : 9m + (age * 2.8m) + context.Random.Decimal(-3, 5);
            return (Round1(height), Round1(weight));
        }

        var male = sex == Sex.Male;
        var adultHeight = male ? context.Random.Decimal(163, 192) : context.Random.Decimal(150, 178);
        var bmi = context.Random.Decimal(19, 34);
        return (Round1(adultHeight), Round1(bmi * (adultHeight / 100m) * (adultHeight / 100m)));
    }

    private static decimal Round1(decimal value) => decimal.Round(value, 1);
}
