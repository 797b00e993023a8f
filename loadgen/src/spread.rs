//! Which node each client and each post goes through. Round-robin within each channel, not over
//! all clients: accounts are picked city by city, so a plain round-robin over two nodes would put
//! every client and every post of a city on the same node, and nothing would cross between nodes.
use std::collections::HashMap;

pub struct NodeSpread {
    nodes: usize,
    next: HashMap<i64, usize>,
}

impl NodeSpread {
    pub fn new(nodes: usize) -> NodeSpread {
        NodeSpread {
            nodes: nodes.max(1),
            next: HashMap::new(),
        }
    }

    /// The node for the next client (or post) of `channel`.
    pub fn node_for(&mut self, channel: i64) -> usize {
        let next = self.next.entry(channel).or_insert(0);
        let node = *next % self.nodes;
        *next += 1;
        node
    }
}

#[cfg(test)]
mod tests {
    use super::NodeSpread;

    #[test]
    fn each_channel_alternates_between_nodes() {
        let mut spread = NodeSpread::new(2);
        let picked: Vec<usize> = [7, 7, 9, 7, 9]
            .map(|channel| spread.node_for(channel))
            .into();
        assert_eq!(picked, vec![0, 1, 0, 0, 1]);
        let mut single = NodeSpread::new(1);
        assert_eq!(single.node_for(7) + single.node_for(7), 0);
    }
}
