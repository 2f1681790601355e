using Hospital.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Data.Configurations;

internal sealed class OutboxCursorConfiguration : IEntityTypeConfiguration<OutboxCursor>
{
    public void Configure(EntityTypeBuilder<OutboxCursor> builder)
    {
        builder.ToTable("outbox_cursors");
        builder.HasKey(c => c.InstanceId);
        builder.Property(c => c.InstanceId).HasMaxLength(100).ValueGeneratedNever();
    }
}
