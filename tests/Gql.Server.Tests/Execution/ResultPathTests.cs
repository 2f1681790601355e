using Gql.Server.Execution;

namespace Gql.Server.Tests.Execution;

public sealed class ResultPathTests
{
    [Fact]
    public void AppendedSegments_ReadInOrder_ByIndexAndEnumeration()
    {
        var path = ResultPath.Root.Append("patients").Append("nodes").Append(3).Append("mrn");

        Assert.Equal(4, path.Count);
        Assert.Equal(["patients", "nodes", 3, "mrn"], path);
        Assert.Equal(3, path[2]);
        Assert.Equal("patients", path[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => path[4]);
    }

    [Fact]
    public void SiblingPaths_ShareTheirParent_WithoutChangingIt()
    {
        var list = ResultPath.Root.Append("list");

        var first = list.Append(0);
        var far = list.Append(1000);

        Assert.Equal(["list"], list);
        Assert.Equal(["list", 0], first);
        Assert.Equal(["list", 1000], far);
        Assert.Empty(ResultPath.Root);
    }
}
