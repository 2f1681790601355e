using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Data.Configurations;

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("refresh_tokens");
        builder.Property(t => t.Family).HasMaxLength(36);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.CreatedByAddress).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.Family);
        builder.HasIndex(t => new { t.UserAccountId, t.CreatedAt });
        builder.HasOne(t => t.UserAccount).WithMany().HasForeignKey(t => t.UserAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
