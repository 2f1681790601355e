using Hospital.Data.Entities;

namespace Hospital.Seed.Fakers;

/// <summary>Reference data the fakers draw from: specialties, conditions, medications, lab panels, allergens. Synthetic use only.</summary>
internal static class ClinicalCatalog
{
    public sealed record SpecialtyInfo(string Name, string Code, string Description, WardKind? Ward, string[] Complaints, string[] DiagnosisCodes);

    public sealed record ConditionInfo(string IcdCode, string Description, int MinAge, Sex? OnlySex, string Specialty, string? Medication);

    public sealed record MedicationInfo(string Name, string Dose, MedicationRoute Route, string Frequency, int? DurationDays, bool Chronic);

    public sealed record AnalyteInfo(string Name, string Unit, decimal Low, decimal High, int Decimals);

    public sealed record LabPanel(string Code, string Name, decimal Price, AnalyteInfo[] Analytes);

    public static readonly SpecialtyInfo[] Specialties =
    [
        new("Cardiology", "CARD", "Heart and blood vessels", WardKind.General, ["Chest pain", "Palpitations", "Shortness of breath on exertion", "Hypertension follow-up"], ["I10", "I20.9", "I48.91", "I50.9", "R07.9"]),
        new("Neurology", "NEUR", "Brain, spinal cord and nerves", WardKind.General, ["Headache", "Dizziness", "Numbness in hands", "Seizure follow-up"], ["G43.909", "G40.909", "R51.9", "G62.9", "R42"]),
        new("Orthopedics", "ORTH", "Bones, joints and muscles", WardKind.Surgical, ["Knee pain", "Lower back pain", "Shoulder injury", "Fracture follow-up"], ["M17.11", "M54.5", "S42.001A", "M25.511", "M79.604"]),
        new("Pediatrics", "PEDS", "Care of infants, children and adolescents", WardKind.Pediatric, ["Fever", "Cough", "Well-child visit", "Ear pain", "Rash"], ["J06.9", "H66.90", "Z00.129", "R50.9", "L30.9"]),
        new("Emergency Medicine", "EMER", "Acute illness and injury", WardKind.Emergency, ["Abdominal pain", "Laceration", "Fall", "Acute shortness of breath"], ["R10.9", "S01.81XA", "W19.XXXA", "R06.02", "T78.40XA"]),
        new("Internal Medicine", "INTM", "Adult primary and hospital care", WardKind.General, ["Annual physical", "Fatigue", "Diabetes follow-up", "Medication review"], ["E11.9", "E78.5", "Z00.00", "R53.83", "D64.9"]),
        new("Surgery", "SURG", "General surgery", WardKind.Surgical, ["Pre-operative assessment", "Hernia", "Post-operative check", "Gallbladder pain"], ["K40.90", "K80.20", "Z48.815", "K35.80", "Z01.818"]),
        new("Radiology", "RADI", "Imaging and image-guided procedures", null, ["Imaging review", "CT follow-up", "Ultrasound consultation"], ["R93.89", "R91.8", "Z09"]),
        new("Anesthesiology", "ANES", "Anesthesia, critical care and pain medicine", WardKind.IntensiveCare, ["Pre-anesthesia evaluation", "Chronic pain consultation"], ["Z01.818", "G89.29", "M54.16"]),
        new("Psychiatry", "PSYC", "Mental health", WardKind.Psychiatric, ["Low mood", "Anxiety", "Sleep problems", "Medication follow-up"], ["F32.9", "F41.1", "G47.00", "F43.10"]),
        new("Dermatology", "DERM", "Skin, hair and nails", null, ["Skin rash", "Mole check", "Acne", "Eczema flare"], ["L30.9", "D22.9", "L70.0", "L20.9"]),
        new("Ophthalmology", "OPHT", "Eyes and vision", null, ["Blurred vision", "Eye pain", "Glaucoma check", "Red eye"], ["H52.13", "H40.9", "H10.9", "H25.9"]),
        new("ENT", "ENTS", "Ear, nose and throat", null, ["Sore throat", "Hearing loss", "Sinus pain", "Tinnitus"], ["J02.9", "H91.90", "J32.9", "H93.19"]),
        new("Oncology", "ONCO", "Cancer diagnosis and treatment", WardKind.Oncology, ["Chemotherapy review", "New diagnosis consultation", "Surveillance visit"], ["C50.911", "C34.90", "C18.9", "Z08", "D49.9"]),
        new("Gynecology", "GYNE", "Women's reproductive health", WardKind.Maternity, ["Prenatal visit", "Pelvic pain", "Annual exam", "Irregular periods"], ["Z34.90", "N94.9", "Z01.419", "N92.6"]),
    ];

    /// <summary>Descriptions of the visit diagnosis codes the specialties use.</summary>
    public static readonly Dictionary<string, string> DiagnosisNames = new()
    {
        ["I10"] = "Essential (primary) hypertension", ["I20.9"] = "Angina pectoris, unspecified", ["I48.91"] = "Unspecified atrial fibrillation",
        ["I50.9"] = "Heart failure, unspecified", ["R07.9"] = "Chest pain, unspecified", ["G43.909"] = "Migraine, unspecified",
        ["G40.909"] = "Epilepsy, unspecified", ["R51.9"] = "Headache, unspecified", ["G62.9"] = "Polyneuropathy, unspecified", ["R42"] = "Dizziness and giddiness",
        ["M17.11"] = "Primary osteoarthritis, right knee", ["M54.5"] = "Low back pain", ["S42.001A"] = "Fracture of unspecified part of right clavicle, initial encounter",
        ["M25.511"] = "Pain in right shoulder", ["M79.604"] = "Pain in right leg", ["J06.9"] = "Acute upper respiratory infection, unspecified",
        ["H66.90"] = "Otitis media, unspecified", ["Z00.129"] = "Routine child health examination without abnormal findings", ["R50.9"] = "Fever, unspecified",
        ["L30.9"] = "Dermatitis, unspecified", ["R10.9"] = "Unspecified abdominal pain", ["S01.81XA"] = "Laceration without foreign body of other part of head, initial encounter",
        ["W19.XXXA"] = "Unspecified fall, initial encounter", ["R06.02"] = "Shortness of breath", ["T78.40XA"] = "Allergy, unspecified, initial encounter",
        ["E11.9"] = "Type 2 diabetes mellitus without complications", ["E78.5"] = "Hyperlipidemia, unspecified", ["Z00.00"] = "General adult medical examination without abnormal findings",
        ["R53.83"] = "Other fatigue", ["D64.9"] = "Anemia, unspecified", ["K40.90"] = "Unilateral inguinal hernia, without obstruction or gangrene",
        ["K80.20"] = "Calculus of gallbladder without cholecystitis", ["Z48.815"] = "Encounter for surgical aftercare following surgery on the digestive system",
        ["K35.80"] = "Unspecified acute appendicitis", ["Z01.818"] = "Encounter for other preprocedural examination", ["R93.89"] = "Abnormal findings on diagnostic imaging of other body structures",
        ["R91.8"] = "Other nonspecific abnormal finding of lung field", ["Z09"] = "Encounter for follow-up examination after completed treatment",
        ["G89.29"] = "Other chronic pain", ["M54.16"] = "Radiculopathy, lumbar region", ["F32.9"] = "Major depressive disorder, single episode, unspecified",
        ["F41.1"] = "Generalized anxiety disorder", ["G47.00"] = "Insomnia, unspecified", ["F43.10"] = "Post-traumatic stress disorder, unspecified",
        ["D22.9"] = "Melanocytic nevi, unspecified", ["L70.0"] = "Acne vulgaris", ["L20.9"] = "Atopic dermatitis, unspecified", ["H52.13"] = "Myopia, bilateral",
        ["H40.9"] = "Unspecified glaucoma", ["H10.9"] = "Unspecified conjunctivitis", ["H25.9"] = "Unspecified age-related cataract", ["J02.9"] = "Acute pharyngitis, unspecified",
        ["H91.90"] = "Unspecified hearing loss, unspecified ear", ["J32.9"] = "Chronic sinusitis, unspecified", ["H93.19"] = "Tinnitus, unspecified ear",
        ["C50.911"] = "Malignant neoplasm of right female breast", ["C34.90"] = "Malignant neoplasm of unspecified part of bronchus or lung", ["C18.9"] = "Malignant neoplasm of colon, unspecified",
        ["Z08"] = "Encounter for follow-up examination after completed treatment for malignant neoplasm", ["D49.9"] = "Neoplasm of unspecified behavior of unspecified site",
        ["Z34.90"] = "Encounter for supervision of normal pregnancy, unspecified", ["N94.9"] = "Unspecified condition associated with female genital organs and menstrual cycle",
        ["Z01.419"] = "Encounter for gynecological examination without abnormal findings", ["N92.6"] = "Irregular menstruation, unspecified",
    };

    public static readonly ConditionInfo[] Conditions =
    [
        new("I10", "Essential (primary) hypertension", 30, null, "Cardiology", "Lisinopril"),
        new("E11.9", "Type 2 diabetes mellitus without complications", 30, null, "Internal Medicine", "Metformin"),
        new("E78.5", "Hyperlipidemia, unspecified", 30, null, "Internal Medicine", "Atorvastatin"),
        new("J45.909", "Unspecified asthma, uncomplicated", 3, null, "Internal Medicine", "Albuterol inhaler"),
        new("E03.9", "Hypothyroidism, unspecified", 20, null, "Internal Medicine", "Levothyroxine"),
        new("I48.91", "Unspecified atrial fibrillation", 55, null, "Cardiology", "Apixaban"),
        new("M17.11", "Unilateral primary osteoarthritis, right knee", 45, null, "Orthopedics", "Naproxen"),
        new("F32.9", "Major depressive disorder, single episode, unspecified", 14, null, "Psychiatry", "Sertraline"),
        new("F41.1", "Generalized anxiety disorder", 14, null, "Psychiatry", "Escitalopram"),
        new("G43.909", "Migraine, unspecified, not intractable", 10, null, "Neurology", "Sumatriptan"),
        new("N18.3", "Chronic kidney disease, stage 3", 50, null, "Internal Medicine", null),
        new("J44.9", "Chronic obstructive pulmonary disease, unspecified", 45, null, "Internal Medicine", "Tiotropium inhaler"),
        new("L20.9", "Atopic dermatitis, unspecified", 0, null, "Dermatology", "Hydrocortisone cream"),
        new("H40.9", "Unspecified glaucoma", 50, null, "Ophthalmology", "Latanoprost eye drops"),
        new("K21.9", "Gastro-esophageal reflux disease without esophagitis", 18, null, "Internal Medicine", "Omeprazole"),
        new("E66.9", "Obesity, unspecified", 12, null, "Internal Medicine", null),
        new("G40.909", "Epilepsy, unspecified, not intractable", 2, null, "Neurology", "Levetiracetam"),
        new("N94.6", "Dysmenorrhea, unspecified", 14, Sex.Female, "Gynecology", "Ibuprofen"),
        new("E28.2", "Polycystic ovarian syndrome", 16, Sex.Female, "Gynecology", null),
        new("N40.0", "Benign prostatic hyperplasia", 50, Sex.Male, "Internal Medicine", "Tamsulosin"),
        new("C50.911", "Malignant neoplasm of unspecified site of right female breast", 35, Sex.Female, "Oncology", "Tamoxifen"),
        new("C61", "Malignant neoplasm of prostate", 55, Sex.Male, "Oncology", null),
    ];

    public static readonly Dictionary<string, MedicationInfo> Medications = new[]
    {
        new MedicationInfo("Lisinopril", "10 mg", MedicationRoute.Oral, "once daily", null, true),
        new MedicationInfo("Metformin", "500 mg", MedicationRoute.Oral, "twice daily", null, true),
        new MedicationInfo("Atorvastatin", "20 mg", MedicationRoute.Oral, "once daily at night", null, true),
        new MedicationInfo("Albuterol inhaler", "2 puffs", MedicationRoute.Inhaled, "every 4-6 hours as needed", null, true),
        new MedicationInfo("Levothyroxine", "50 mcg", MedicationRoute.Oral, "once daily before breakfast", null, true),
        new MedicationInfo("Apixaban", "5 mg", MedicationRoute.Oral, "twice daily", null, true),
        new MedicationInfo("Naproxen", "500 mg", MedicationRoute.Oral, "twice daily with food", 14, false),
        new MedicationInfo("Sertraline", "50 mg", MedicationRoute.Oral, "once daily", null, true),
        new MedicationInfo("Escitalopram", "10 mg", MedicationRoute.Oral, "once daily", null, true),
        new MedicationInfo("Sumatriptan", "50 mg", MedicationRoute.Oral, "at migraine onset, max 2 per day", null, true),
        new MedicationInfo("Tiotropium inhaler", "18 mcg", MedicationRoute.Inhaled, "once daily", null, true),
        new MedicationInfo("Hydrocortisone cream", "1% thin layer", MedicationRoute.Topical, "twice daily", 14, false),
        new MedicationInfo("Latanoprost eye drops", "1 drop", MedicationRoute.Ophthalmic, "once daily at night", null, true),
        new MedicationInfo("Omeprazole", "20 mg", MedicationRoute.Oral, "once daily before breakfast", null, true),
        new MedicationInfo("Levetiracetam", "500 mg", MedicationRoute.Oral, "twice daily", null, true),
        new MedicationInfo("Ibuprofen", "400 mg", MedicationRoute.Oral, "every 8 hours as needed", 5, false),
        new MedicationInfo("Tamsulosin", "0.4 mg", MedicationRoute.Oral, "once daily", null, true),
        new MedicationInfo("Tamoxifen", "20 mg", MedicationRoute.Oral, "once daily", null, true),
        new MedicationInfo("Amoxicillin", "500 mg", MedicationRoute.Oral, "three times daily", 7, false),
        new MedicationInfo("Azithromycin", "250 mg", MedicationRoute.Oral, "once daily", 5, false),
        new MedicationInfo("Paracetamol", "1 g", MedicationRoute.Oral, "every 6 hours as needed", 5, false),
        new MedicationInfo("Ceftriaxone", "1 g", MedicationRoute.Intravenous, "once daily", 7, false),
        new MedicationInfo("Enoxaparin", "40 mg", MedicationRoute.Subcutaneous, "once daily", 10, false),
        new MedicationInfo("Ondansetron", "4 mg", MedicationRoute.Oral, "every 8 hours as needed", 3, false),
        new MedicationInfo("Cetirizine", "10 mg", MedicationRoute.Oral, "once daily", 14, false),
    }.ToDictionary(m => m.Name);

    public static readonly string[] AcuteMedications = ["Amoxicillin", "Azithromycin", "Paracetamol", "Ibuprofen", "Ondansetron", "Cetirizine"];

    public static readonly LabPanel[] LabPanels =
    [
        new("CBC", "Complete blood count", 35m,
        [
            new("Hemoglobin", "g/dL", 12.0m, 17.5m, 1), new("White blood cells", "10^9/L", 4.0m, 11.0m, 1),
            new("Platelets", "10^9/L", 150m, 400m, 0), new("Hematocrit", "%", 36m, 50m, 1),
        ]),
        new("BMP", "Basic metabolic panel", 40m,
        [
            new("Sodium", "mmol/L", 135m, 145m, 0), new("Potassium", "mmol/L", 3.5m, 5.1m, 1),
            new("Glucose", "mg/dL", 70m, 99m, 0), new("Creatinine", "mg/dL", 0.6m, 1.3m, 2),
            new("Urea nitrogen", "mg/dL", 7m, 20m, 0),
        ]),
        new("LIPID", "Lipid panel", 45m,
        [
            new("Total cholesterol", "mg/dL", 100m, 200m, 0), new("LDL cholesterol", "mg/dL", 0m, 130m, 0),
            new("HDL cholesterol", "mg/dL", 40m, 90m, 0), new("Triglycerides", "mg/dL", 0m, 150m, 0),
        ]),
        new("HBA1C", "Hemoglobin A1c", 30m, [new("HbA1c", "%", 4.0m, 5.6m, 1)]),
        new("TSH", "Thyroid stimulating hormone", 32m, [new("TSH", "mIU/L", 0.4m, 4.0m, 2)]),
        new("LFT", "Liver function tests", 42m,
        [
            new("ALT", "U/L", 7m, 56m, 0), new("AST", "U/L", 10m, 40m, 0),
            new("Bilirubin, total", "mg/dL", 0.1m, 1.2m, 1), new("Albumin", "g/dL", 3.5m, 5.0m, 1),
        ]),
        new("TROP", "High-sensitivity troponin I", 55m, [new("Troponin I", "ng/L", 0m, 34m, 0)]),
        new("CRP", "C-reactive protein", 25m, [new("CRP", "mg/L", 0m, 10m, 1)]),
    ];

    public static readonly (string Substance, string[] Reactions)[] Allergens =
    [
        ("Penicillin", ["Hives", "Rash", "Anaphylaxis"]),
        ("Sulfonamides", ["Rash", "Fever"]),
        ("Peanuts", ["Swelling of lips", "Anaphylaxis", "Hives"]),
        ("Shellfish", ["Hives", "Vomiting", "Anaphylaxis"]),
        ("Latex", ["Contact dermatitis", "Itching"]),
        ("Aspirin", ["Wheezing", "Hives"]),
        ("Ibuprofen", ["Stomach pain", "Rash"]),
        ("Codeine", ["Nausea", "Itching"]),
        ("Iodinated contrast", ["Hives", "Flushing"]),
        ("Eggs", ["Rash", "Abdominal cramps"]),
        ("Bee stings", ["Local swelling", "Anaphylaxis"]),
        ("Pollen", ["Sneezing", "Watery eyes"]),
    ];

    public static readonly string[] Payers = ["Northwind Health", "Contoso Mutual", "Fabrikam Care", "Tailspin Insurance", "Woodgrove Assurance", "Medicare", "Medicaid"];

    public static readonly string[] SupportRoles = ["Porter", "Cleaner", "Biomedical Technician", "Pharmacy Technician", "IT Support", "Dietitian", "Security Officer"];

    public static readonly string[] DischargeNotes =
    [
        "Clinically stable, discharged home with follow-up in clinic.",
        "Symptoms resolved. Discharged with written instructions and medication list.",
        "Improved on treatment. Discharged to community care.",
    ];
}
