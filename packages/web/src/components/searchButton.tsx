import { SearchOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/**
 * The magnifier button of an `Input.Search` (its `enterButton`), named in the interface's
 * language: antd's own has only the icon, whose name is the English word "search".
 */
export const searchButton = (label: string) => <Button icon={<SearchOutlined aria-hidden />} aria-label={label} />;
