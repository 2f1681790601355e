using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Data.Configurations;

internal sealed class BedTransferConfiguration : IEntityTypeConfiguration<BedTransfer>
{
    public void Configure(EntityTypeBuilder<BedTransfer> builder)
    {
        builder.Property(t => t.Reason).HasMaxLength(500);
        builder.HasOne(t => t.Admission).WithMany(a => a.Transfers).HasForeignKey(t => t.AdmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.FromBed).WithMany().HasForeignKey(t => t.FromBedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.ToBed).WithMany().HasForeignKey(t => t.ToBedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(t => t.TransferredById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.AdmissionId, t.TransferredAt });
        builder.ToTable(t => t.HasCheckConstraint("ck_bed_transfers_other_bed", "from_bed_id <> to_bed_id"));
    }
}
