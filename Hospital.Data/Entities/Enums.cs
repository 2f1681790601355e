namespace Hospital.Data.Entities;

public enum Sex
{
    Female,
    Male,
    Intersex,
    Unknown,
}

public enum BloodType
{
    Unknown,
    APositive,
    ANegative,
    BPositive,
    BNegative,
    AbPositive,
    AbNegative,
    OPositive,
    ONegative,
}

public enum AllergySeverity
{
    Mild,
    Moderate,
    Severe,
    LifeThreatening,
}

public enum ConditionStatus
{
    Active,
    Resolved,
}

public enum StaffKind
{
    Doctor,
    Nurse,
    Receptionist,
    Administrator,
    Support,
}

public enum AppointmentStatus
{
    Scheduled,
    CheckedIn,
    InProgress,
    Completed,
    Cancelled,
    NoShow,
}

public enum MedicationRoute
{
    Oral,
    Intravenous,
    Intramuscular,
    Subcutaneous,
    Topical,
    Inhaled,
    Sublingual,
    Rectal,
    Ophthalmic,
    Otic,
    Nasal,
}

public enum PrescriptionStatus
{
    Active,
    Completed,
    Discontinued,
}

public enum LabPriority
{
    Routine,
    Urgent,
    Stat,
}

public enum LabOrderStatus
{
    Ordered,
    Collected,
    InProgress,
    Resulted,
    Cancelled,
}

public enum ResultFlag
{
    Normal,
    Abnormal,
    Critical,
}

public enum WardKind
{
    General,
    IntensiveCare,
    Surgical,
    Maternity,
    Pediatric,
    Emergency,
    Psychiatric,
    Oncology,
}

public enum BedStatus
{
    Available,
    Occupied,
    Cleaning,
    OutOfService,
}

public enum InvoiceStatus
{
    Draft,
    Issued,
    PartiallyPaid,
    Paid,
    Void,
}

public enum PaymentMethod
{
    Cash,
    Card,
    Insurance,
    BankTransfer,
}

public enum AuditAction
{
    Read,
    Create,
    Update,
    Delete,
    SignIn,
    SignInFailed,
    Export,
    TokenRefresh,
    SignOut,
    Lockout,
    RoleChange,
}
