using Hospital.Web.Components.Tests.Infrastructure;

namespace Hospital.Web.Components.Tests;

public sealed class ChipTests : ComponentTestContext
{
    [Theory]
    [InlineData(ChipTone.Danger, "chip chip-danger")]
    [InlineData(ChipTone.Success, "chip chip-success")]
    public void AChip_CarriesItsToneAsAClass_AroundItsWords(ChipTone tone, string classes)
    {
        var chip = Render<Chip>(p => p.Add(c => c.Tone, tone).AddChildContent("No-show"));

        chip.MarkupMatches($"""<span class="{classes}">No-show</span>""");
    }
}
