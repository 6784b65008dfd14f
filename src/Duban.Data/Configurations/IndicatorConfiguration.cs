using Duban.Domain.Indicators;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(100);
        builder.Property(i => i.Measure).HasMaxLength(20);
        builder.Property(i => i.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Feed).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Region>().WithMany().HasForeignKey(i => i.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(i => i.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(i => i.SourceUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.LeaderId).OnDelete(DeleteBehavior.Restrict);

        // One name per region: the bureau's tables are matched to the catalogue by it.
        builder.HasIndex(i => new { i.RegionId, i.Name }).IsUnique();
    }
}

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.Property(t => t.Value).HasPrecision(20, 4);
        builder.Property(t => t.Growth).HasPrecision(9, 2);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(t => t.WorkItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.IndicatorId, t.Year, t.UnitId }).IsUnique();
        builder.HasIndex(t => t.WorkItemId).IsUnique();
        builder.HasIndex(t => new { t.RegionId, t.Year });
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.Property(v => v.Value).HasPrecision(20, 4);
        builder.Property(v => v.Yoy).HasPrecision(9, 2);
        builder.Property(v => v.PeerName).HasMaxLength(100);
        builder.Property(v => v.Source).HasMaxLength(200);
        builder.Property(v => v.Revision).HasConversion<string>().HasMaxLength(12);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);

        // The board reads a region's year at once; a series reads one indicator's year.
        builder.HasIndex(v => new { v.RegionId, v.Year, v.PeriodTo });

        // The board reads the region's own figures and its peers' (UnitId null) without the units' hundred times as many.
        builder.HasIndex(v => new { v.RegionId, v.UnitId, v.Year });
        builder.HasIndex(v => new { v.IndicatorId, v.Year, v.PeriodTo, v.UnitId });
    }
}
