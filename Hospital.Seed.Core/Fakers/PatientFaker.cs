using Bogus.DataSets;
using Address = Hospital.Data.Entities.Address;
using Hospital.Data.Domain;
using Hospital.Data.Entities;

namespace Hospital.Seed.Fakers;

/// <summary>Demographics, allergies and a problem list consistent with the patient's age and sex.</summary>
internal sealed class PatientFaker(SeedContext context)
{
    private static readonly (BloodType Type, double Weight)[] BloodTypes =
    [
        (BloodType.OPositive, 0.37), (BloodType.APositive, 0.33), (BloodType.BPositive, 0.09), (BloodType.ONegative, 0.07),
        (BloodType.ANegative, 0.06), (BloodType.AbPositive, 0.03), (BloodType.BNegative, 0.02), (BloodType.AbNegative, 0.01),
        (BloodType.Unknown, 0.02),
    ];

    public Patient Generate(int sequence)
    {
        var sex = context.Random.WeightedRandom([Sex.Female, Sex.Male, Sex.Intersex, Sex.Unknown], [0.505f, 0.485f, 0.005f, 0.005f]);
        var gender = sex == Sex.Male ? Name.Gender.Male : sex == Sex.Female ? Name.Gender.Female : (context.Random.Bool() ? Name.Gender.Male : Name.Gender.Female);

        // Ages skew adult, as a hospital's registry does; a fifth are children.
        var age = context.Chance(0.2) ? context.Random.Int(0, 17) : context.Random.Int(18, 95);
        var dateOfBirth = context.Today.AddYears(-age).AddDays(-context.Random.Int(0, 364));
        var first = context.Faker.Name.FirstName(gender);
        var last = context.Faker.Name.LastName();
        var registered = context.Now.AddDays(-context.Random.Int(30, 365 * 6));
        if (DateOnly.FromDateTime(registered) < dateOfBirth)
        {
            registered = context.ToUtc(dateOfBirth, new TimeOnly(10, 0));
        }

        var patient = new Patient
        {
            Mrn = EntityValidator.FormatMrn(sequence),
            FirstName = first,
            LastName = last,
            DateOfBirth = dateOfBirth,
            Sex = sex,
            BloodType = context.Random.WeightedRandom(BloodTypes.Select(b => b.Type).ToArray(), BloodTypes.Select(b => (float)b.Weight).ToArray()),
            Phone = context.Faker.Phone.PhoneNumber("+1 555 ### ####"),
            Email = age >= 16 && context.Chance(0.8) ? $"{Slug(first)}.{Slug(last)}{sequence}@mail.example" : null,
            Address = new Address
            {
                Line1 = context.Faker.Address.StreetAddress(),
                Line2 = context.Chance(0.2) ? context.Faker.Address.SecondaryAddress() : null,
                City = context.Faker.Address.City(),
                Region = context.Faker.Address.StateAbbr(),
                PostalCode = context.Faker.Address.ZipCode("#####"),
                Country = "US",
            },
            EmergencyContact = new EmergencyContact
            {
                Name = context.Faker.Name.FullName(),
                Relationship = age < 18 ? "Parent" : context.Pick(new[] { "Spouse", "Partner", "Sibling", "Child", "Friend", "Parent" }),
                Phone = context.Faker.Phone.PhoneNumber("+1 555 ### ####"),
            },
            Insurance = context.Chance(0.9)
                ? new Insurance
                {
                    Payer = age >= 65 ? "Medicare" : context.Pick(ClinicalCatalog.Payers),
                    PolicyNumber = context.Random.Replace("??#########").ToUpperInvariant(),
                    ValidUntil = context.Today.AddDays(context.Random.Int(30, 900)),
                }
                : null,
            RegisteredAt = registered,
        };

        AddAllergies(patient);
        AddConditions(patient, age);
        return patient;
    }

    private void AddAllergies(Patient patient)
    {
        var count = context.Random.WeightedRandom([0, 1, 2, 3], [0.62f, 0.25f, 0.1f, 0.03f]);
        foreach (var (substance, reactions) in context.Random.Shuffle(ClinicalCatalog.Allergens).Take(count))
        {
            var reaction = context.Pick(reactions);
            patient.Allergies.Add(new Allergy
            {
                Substance = substance,
                Reaction = reaction,
                Severity = reaction == "Anaphylaxis" ? AllergySeverity.LifeThreatening : context.Random.WeightedRandom([AllergySeverity.Mild, AllergySeverity.Moderate, AllergySeverity.Severe], [0.5f, 0.35f, 0.15f]),
                RecordedAt = patient.RegisteredAt,
            });
        }
    }

    private void AddConditions(Patient patient, int age)
    {
        // Chronic disease accumulates with age.
        var expected = age switch { < 18 => 0.3, < 40 => 0.8, < 65 => 1.6, _ => 2.6 };
        var candidates = ClinicalCatalog.Conditions
            .Where(c => age >= c.MinAge && (c.OnlySex is null || c.OnlySex == patient.Sex))
            .ToList();
        var count = Math.Min(candidates.Count, (int)Math.Round(expected + context.Random.Double(-0.7, 0.9)));
        foreach (var condition in context.Random.Shuffle(candidates).Take(Math.Max(0, count)))
        {
            var onsetAge = context.Random.Int(condition.MinAge, Math.Max(condition.MinAge, age));
            var onset = patient.DateOfBirth.AddYears(onsetAge).AddDays(context.Random.Int(0, 300));
            patient.Conditions.Add(new Condition
            {
                IcdCode = condition.IcdCode,
                Description = condition.Description,
                OnsetDate = onset > context.Today ? context.Today : onset,
                Status = condition.Medication is null && context.Chance(0.15) ? ConditionStatus.Resolved : ConditionStatus.Active,
            });
        }
    }

    private static string Slug(string s) => new(s.ToLowerInvariant().Where(char.IsAsciiLetter).ToArray());
}
